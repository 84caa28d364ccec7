package io.nextbest.validation;

import io.nextbest.OfferCatalog;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import io.nextbest.catalog.CatalogReader;
import io.nextbest.engine.RuleSetCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The analyst's check of an edit: every problem in a set of rule files, placed at its file, sheet,
 * row and cell, before and after Drools compiles them. Decision tables are checked cell by cell
 * first; then the files are compiled, and compile errors are mapped back to their sheet row; last,
 * each table's rows are verified against each other (conflicts, duplicates, rows that never fire,
 * gaps). A folder with an offer catalog is checked as a whole rule pack.
 */
public final class Validator {
    private static final Pattern ROW = Pattern.compile("(?:sheet (.+?), )?row (\\d+)");

    private final ClassLoader classLoader;

    public Validator(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    public Validator() {
        this(Validator.class.getClassLoader());
    }

    /** Validates files and folders. Each folder is one rule pack; loose files are validated together. */
    public List<Finding> validate(List<Path> paths) {
        List<Finding> findings = new ArrayList<>();
        List<RuleFile> loose = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                findings.addAll(validate(RulePack.directory(path)));
            } else if (Files.isRegularFile(path)) {
                try {
                    loose.add(new RuleFile(path.getFileName().toString(), Files.readAllBytes(path)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path, e);
                }
            } else {
                findings.add(Finding.error(path.toString(), "", "", "", "no such file or folder"));
            }
        }
        if (!loose.isEmpty()) {
            findings.addAll(validate(RulePack.of("files", loose)));
        }
        return findings;
    }

    /** Validates the files of one pack. */
    public List<Finding> validate(RulePack pack) {
        List<Finding> findings = new ArrayList<>();
        OfferCatalog catalog = null;
        boolean hasCatalog = pack.files().stream().anyMatch(RuleFile::isCatalog);
        if (hasCatalog) {
            List<RuleProblem> problems = new ArrayList<>();
            catalog = CatalogReader.read(pack, problems);
            problems.forEach(p -> findings.add(fromProblem(p, Map.of())));
        }

        Map<String, String> ruleNames = new HashMap<>();
        Map<String, DecisionTable> tables = new LinkedHashMap<>();
        List<RuleFile> ruleFiles = new ArrayList<>();
        for (RuleFile file : pack.files()) {
            if (file.isDecisionTable()) {
                ruleFiles.add(file);
                DecisionTable table;
                try {
                    table = DecisionTable.parse(file.name(), GridReader.read(file));
                } catch (RuntimeException e) {
                    findings.add(Finding.error(file.name(), "", "", "", "cannot be read as a decision table: "
                            + e.getMessage()));
                    continue;
                }
                tables.put(file.name(), table);
                findings.addAll(new TableChecker(classLoader, catalog, ruleNames).check(table));
            } else if (file.isDrl()) {
                ruleFiles.add(file);
            } else if (file.isMisnamedTable()) {
                findings.add(fromProblem(RuleSetCompiler.misnamed(file), Map.of()));
            }
        }

        boolean cellErrors = findings.stream().anyMatch(Finding::isError);
        if (!cellErrors) {
            List<RuleProblem> problems;
            if (hasCatalog) {
                problems = RuleSetCompiler.problems(pack, classLoader);
            } else {
                problems = RuleSetCompiler.check(ruleFiles, classLoader);
            }
            for (RuleProblem p : problems) {
                findings.add(fromProblem(p, tables));
            }
        }
        for (DecisionTable table : tables.values()) {
            findings.addAll(TableVerifier.verify(table, classLoader));
        }
        return findings;
    }

    /**
     * Verifies the rows of one decision table against each other (conflicts, duplicates, rows that never
     * fire, gaps), without compiling it: warnings only. Problems reading the file are errors.
     */
    public List<Finding> verify(RuleFile table) {
        try {
            return TableVerifier.verify(DecisionTable.parse(table.name(), GridReader.read(table)), classLoader);
        } catch (RuntimeException e) {
            return List.of(Finding.error(table.name(), "", "", "", "cannot be read as a decision table: "
                    + e.getMessage()));
        }
    }

    /** A compiler problem as a finding, with its sheet and row pulled out of the location. */
    private static Finding fromProblem(RuleProblem p, Map<String, DecisionTable> tables) {
        Matcher m = ROW.matcher(p.location() == null ? "" : p.location());
        if (m.matches()) {
            String sheet = m.group(1) == null ? "" : m.group(1);
            if (sheet.isEmpty() && tables.containsKey(p.file()) && tables.get(p.file()).sheets().size() == 1) {
                sheet = tables.get(p.file()).sheets().get(0).name();
            }
            return Finding.error(p.file(), sheet, "row " + m.group(2), "", p.message());
        }
        return Finding.error(p.file(), "", p.location(), "", p.message());
    }
}
