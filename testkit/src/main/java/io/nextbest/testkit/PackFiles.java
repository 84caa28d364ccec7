package io.nextbest.testkit;

import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.validation.Spreadsheets;
import io.nextbest.validation.SheetGrid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a rule pack, read to tell whether a place an explanation names ({@code
 * suitability.drl.csv row 12}, {@code applicability.drl line 8}) is there and holds the rule.
 */
final class PackFiles {
    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    private static final Pattern ROW = Pattern.compile("(?:sheet (.+), )?row (\\d+)");

    private final List<RuleFile> files;
    private final Map<String, String[]> lines = new ConcurrentHashMap<>();
    private final Map<String, List<SheetGrid>> sheets = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> checked = new ConcurrentHashMap<>();

    PackFiles(RulePack pack) {
        List<RuleFile> sorted = new ArrayList<>(pack.files());
        // Longest names first, so that "a.drl.csv" is not taken for a place in "a.drl".
        sorted.sort(Comparator.comparingInt((RuleFile f) -> f.name().length()).reversed());
        this.files = List.copyOf(sorted);
    }

    /** What is wrong with the place {@code source} gives for {@code rule}; empty if it is there. */
    Optional<String> problem(String rule, String source) {
        return checked.computeIfAbsent(rule + '\u0000' + source, k -> check(rule, source));
    }

    private Optional<String> check(String rule, String source) {
        if (source == null || source.isBlank()) {
            return Optional.of("names no place for the rule '" + rule + "'");
        }
        for (RuleFile file : files) {
            if (source.equals(file.name())) {
                return Optional.of("'" + source + "' names the file of the rule '" + rule + "' but no row or line in it");
            }
            if (source.startsWith(file.name() + " ")) {
                return place(file, source.substring(file.name().length() + 1).strip(), rule, source);
            }
        }
        return Optional.of("'" + source + "', given for the rule '" + rule + "', names no file of the pack ("
                + String.join(", ", files.stream().map(RuleFile::name).sorted().toList()) + ")");
    }

    private Optional<String> place(RuleFile file, String place, String rule, String source) {
        Matcher line = LINE.matcher(place);
        if (line.matches() && file.isDrl()) {
            String[] text = lines.computeIfAbsent(file.name(), n -> file.text().split("\r?\n"));
            int n = Integer.parseInt(line.group(1));
            if (n < 1 || n > text.length) {
                return Optional.of("'" + source + "': " + file.name() + " has " + text.length + " lines");
            }
            String at = text[n - 1];
            if (!at.contains(rule) && !at.contains(rule.replace("\"", "\\\""))) {
                return Optional.of("'" + source + "' does not hold the rule '" + rule + "': the line reads '"
                        + at.strip() + "'");
            }
            return Optional.empty();
        }
        Matcher row = ROW.matcher(place);
        if (row.matches() && file.isDecisionTable()) {
            List<SheetGrid> grids = sheets.computeIfAbsent(file.name(), n -> Spreadsheets.read(file));
            SheetGrid grid = sheet(grids, row.group(1));
            if (grid == null) {
                return Optional.of("'" + source + "' names a sheet that " + file.name() + " does not have");
            }
            int n = Integer.parseInt(row.group(2));
            if (n < 1 || grid.isBlank(n - 1)) {
                return Optional.of("'" + source + "' is a blank or missing row");
            }
            boolean named = grid.row(n - 1).values().stream().anyMatch(cell -> cell.strip().equals(rule));
            // Drools names a row whose name cell is blank after its table and row: "Eligibility_15".
            boolean generated = rule.endsWith("_" + n);
            if (!named && !generated) {
                return Optional.of("'" + source + "' does not hold the rule '" + rule + "'");
            }
            return Optional.empty();
        }
        return Optional.of("'" + source + "' names no row or line of " + file.name() + " that the rule '" + rule
                + "' could be in");
    }

    private static SheetGrid sheet(List<SheetGrid> grids, String name) {
        if (name == null) {
            return grids.isEmpty() ? null : grids.get(0);
        }
        for (SheetGrid g : grids) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        return null;
    }
}
