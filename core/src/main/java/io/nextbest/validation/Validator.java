package io.nextbest.validation;

import io.nextbest.OfferCatalog;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import io.nextbest.catalog.CatalogReader;
import io.nextbest.engine.PackProperties;
import io.nextbest.engine.RuleSetCompiler;
import io.nextbest.engine.TableReader;
import io.nextbest.learning.Predictors;
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
 * The analyst's check of an edit: every problem in a set of rule files, placed at its file, sheet and
 * cell, before and after Drools compiles them. A decision table is first read as Drools reads it (what
 * stops Drools reading it is reported at the cell Drools names), then checked cell by cell; then the
 * files are compiled, and each compile error is placed back at the cell it comes from; last, each
 * table's rows are verified against each other (conflicts, duplicates, rows that never fire, gaps).
 * Errors are what Drools 10.2 rejects (or, for nextbest's own facts, what a decision would fail on);
 * warnings are what Drools accepts but is likely not meant. A folder with an offer catalog is checked
 * as a whole rule pack; a pack's {@code pack.properties} says which sheets of a workbook are read.
 */
public final class Validator {
    /** {@code sheet Prices, cell B12}, {@code cell B12}, {@code row 12}, {@code sheet Prices}. */
    /** What a learner reads, declared by a pack (see {@link Predictors}). */
    private static final String PREDICTORS = "predictors.csv";
    private static final Pattern PLACE = Pattern.compile("(?:sheet (.+?), (?=cell|row)|sheet (.+)$)?(?:cell ([A-Z]+\\d+)"
            + "|row (\\d+))?");

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
        List<RuleProblem> packProblems = new ArrayList<>();
        if (hasCatalog) {
            catalog = CatalogReader.read(pack, packProblems);
        }
        boolean everySheet = PackProperties.of(pack, packProblems).everySheet();
        packProblems.forEach(p -> findings.add(fromProblem(p, Map.of())));

        Map<String, String> ruleNames = new HashMap<>();
        Map<String, DecisionTable> tables = new LinkedHashMap<>();
        for (RuleFile file : pack.files()) {
            if (file.isDecisionTable()) {
                // What stops Drools reading the table comes first: the cell checks need a table Drools can read.
                List<RuleProblem> reading = new ArrayList<>();
                DecisionTable table = null;
                FactClasses facts = new FactClasses(classLoader);
                try {
                    GridReader.Sheets sheets = GridReader.read(file, everySheet, reading, facts::resolves);
                    table = DecisionTable.parse(file.name(), sheets.grids(), everySheet);
                    if (sheets.stoppedAtImports()) {
                        // Reading stopped at the first table: its imports are the answer.
                        findings.addAll(new TableChecker(classLoader, catalog, ruleNames).checkImports(table));
                        continue;
                    }
                    tables.put(file.name(), table);
                } catch (RuntimeException e) {
                    reading.add(TableReader.unreadable(file.name(), e));
                }
                if (file.lowerName().endsWith(".csv")) {
                    for (int[] cell : GridReader.cellsCutAtLineBreaks(file)) {
                        findings.add(Finding.warning(file.name(), "", SheetGrid.ref(cell[0], cell[1]), "", "the cell's "
                                + "quotes open on this line and close on a later one: Drools reads a CSV file line "
                                + "by line, so it cuts the cell at the line break and reads the rest as rows of their "
                                + "own. Keep the cell on one line"));
                    }
                }
                for (RuleProblem p : reading) {
                    findings.add(fromProblem(p, tables));
                }
                if (reading.isEmpty() && table != null) {
                    findings.addAll(new TableChecker(classLoader, catalog, ruleNames).check(table));
                }
            } else if (file.isMisnamedTable()) {
                findings.add(fromProblem(RuleSetCompiler.misnamed(file), Map.of()));
            }
        }

        // Drools is asked only when the checks above found no error: they find what it would reject, at
        // once, where a large broken table would keep Drools busy for minutes.
        boolean cellErrors = findings.stream().anyMatch(Finding::isError);
        if (!cellErrors) {
            List<RuleProblem> problems = hasCatalog ? RuleSetCompiler.problems(pack, classLoader)
                    : RuleSetCompiler.check(pack, classLoader);
            for (RuleProblem p : problems) {
                findings.add(fromProblem(p, tables));
            }
        }
        // What a learner reads: no concern of Drools', so checked whatever the rules' checks found.
        pack.files().stream().filter(f -> f.name().equals(PREDICTORS)).findFirst().ifPresent(f -> {
            try {
                Predictors.read(f.name(), f.text());
            } catch (RuleSetException e) {
                e.problems().forEach(p -> findings.add(fromProblem(p, Map.of())));
            }
        });
        // Rows are verified against each other in tables that load: a table with errors is fixed first.
        for (DecisionTable table : tables.values()) {
            if (findings.stream().noneMatch(f -> f.isError() && f.file().equals(table.file()))) {
                findings.addAll(TableVerifier.verify(table, classLoader));
            }
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
            return List.of(fromProblem(TableReader.unreadable(table.name(), e), Map.of()));
        }
    }

    /**
     * A compiler problem as a finding, with its sheet and cell (or row) pulled out of the location, and
     * the header of the column the cell is in.
     */
    private static Finding fromProblem(RuleProblem p, Map<String, DecisionTable> tables) {
        String location = p.location() == null ? "" : p.location();
        DecisionTable table = tables.get(p.file());
        Matcher m = PLACE.matcher(location);
        if (m.matches()) {
            String sheet = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : "";
            if (sheet.isEmpty() && table != null && table.sheets().size() == 1) {
                sheet = table.sheets().get(0).name();
            }
            String cell = m.group(3) != null ? m.group(3) : m.group(4) != null ? "row " + m.group(4) : "";
            String column = m.group(3) != null && table != null ? table.header(sheet, m.group(3)) : "";
            return Finding.error(p.file(), sheet, cell, column, p.message());
        }
        return Finding.error(p.file(), "", location, "", p.message());
    }
}
