package io.nextbest.benchmarks.fuzz;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.nextbest.validation.SheetGrid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Mutations that know a grid of cells, for CSV files and for the cells of a workbook: a cell set to a
 * value that means something to a decision table or a catalog (keywords, snippets, quotes, numbers in
 * odd forms, dates that do not exist), a cell's text edited, rows and columns deleted, repeated, moved
 * or cut off, and rows spliced in from another seed.
 */
final class CsvMutations {
    private static final CsvMapper CSV = new CsvMapper();
    static final List<String> CELLS = List.of("", " ", "  x  ", "RuleTable", "RuleTable Extra", "RuleSet", "Import",
            "Sequential", "Complete", "Notes", "Variables", "Functions", "Queries", "Declare", "CONDITION", "ACTION",
            "NAME", "PRIORITY", "DESCRIPTION", "condition", "C", "A", "X", "@", "METADATA", "TIMER", "NO-LOOP",
            "Fact...", "$s : Situation...", "$s : Situation", "Situation", "$x : Nope...", "tenureMonths < $param",
            "tenureMonths < $1 && churnRisk > $2", "$param", "\"$param\"", "foo(", "\"", "\"\"\"",
            "\u201Cquoted\u201D", "1e309", "-1", "NaN", "99999999999999999999", "4294967296", "0.5", "1,5", "1 000",
            "true", "TRUE", "null", "$s.leaveOut(drools, \"$param\");", "$s.nope(drools);", "program retention",
            "offer NOPE", "kind SALES", "kind", "offer", "*", "a,b,c", "line\nbreak", "\t", "${x}", "\\",
            "// comment", "end", "rule \"x\" when then end", "io.nextbest.facts.Situation, java.util.List",
            "io.nextbest.Nope", "INBOUND_VOICE|CHAT", "INBOUND_VOICE|PIGEON", "|||", "SALES", "sales", "2026-02-30",
            "2026-11-23", "-0", "1e-400", "x".repeat(10_000), "\uD835\uDCB3", "\u0000", "=1+1", "#REF!");

    private CsvMutations() {
    }

    /** The rows of a CSV file, each a list of cells. */
    static List<List<String>> parse(byte[] csv) {
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(csv)) {
            List<List<String>> grid = new ArrayList<>();
            while (rows.hasNext()) {
                grid.add(new ArrayList<>(Arrays.asList(rows.next())));
            }
            return grid;
        } catch (IOException e) {
            throw new UncheckedIOException("a CSV seed must parse", e);
        }
    }

    /** The rows written back as CSV, cells quoted where they must be. */
    static byte[] write(List<List<String>> grid) {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : grid) {
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c) == null ? "" : row.get(c);
                if (c > 0) {
                    sb.append(',');
                }
                if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                    sb.append('"').append(v.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(v);
                }
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV seed with one to three grid mutations, and a quarter of the time byte mutations after them. */
    static byte[] mutate(byte[] seed, List<byte[]> others, SplittableRandom random, StringBuilder how) {
        List<List<List<String>>> otherGrids = new ArrayList<>();
        for (byte[] o : others) {
            otherGrids.add(parse(o));
        }
        List<List<String>> grid = parse(seed);
        mutateGrid(grid, otherGrids, random, how);
        byte[] out = write(grid);
        if (random.nextInt(4) == 0) {
            out = ByteMutations.mutate(out, others, random, how);
        }
        return out;
    }

    /** One to three mutations of the grid, in place. */
    static void mutateGrid(List<List<String>> grid, List<List<List<String>>> others, SplittableRandom random,
                           StringBuilder how) {
        int times = 1 + random.nextInt(3);
        for (int i = 0; i < times; i++) {
            once(grid, others, random, how);
        }
    }

    private static void once(List<List<String>> grid, List<List<List<String>>> others, SplittableRandom random,
                             StringBuilder how) {
        int rows = grid.size();
        int columns = grid.stream().mapToInt(List::size).max().orElse(0);
        int r = random.nextInt(rows + 2);
        int c = random.nextInt(columns + 2);
        switch (random.nextInt(10)) {
            case 0, 1, 2 -> {
                String value = CELLS.get(random.nextInt(CELLS.size()));
                set(grid, r, c, value);
                ByteMutations.note(how, "cell " + SheetGrid.ref(r, c) + " := '" + JsonMutations.shorten(value) + "'");
            }
            case 3, 4 -> {
                String old = get(grid, r, c);
                String value = edit(old, random);
                set(grid, r, c, value);
                ByteMutations.note(how, "cell " + SheetGrid.ref(r, c) + " '" + JsonMutations.shorten(old) + "' edited to '"
                        + JsonMutations.shorten(value) + "'");
            }
            case 5 -> {
                if (r < rows) {
                    int copies = random.nextInt(10) == 0 ? 200 : 1;
                    if (random.nextBoolean()) {
                        grid.remove(r);
                        ByteMutations.note(how, "delete row " + (r + 1));
                    } else {
                        for (int k = 0; k < copies; k++) {
                            grid.add(r, new ArrayList<>(grid.get(r)));
                        }
                        ByteMutations.note(how, "repeat row " + (r + 1) + (copies > 1 ? " " + copies + " times" : ""));
                    }
                }
            }
            case 6 -> {
                int at = Math.min(r, rows);
                grid.add(at, random.nextBoolean() ? new ArrayList<>() : new ArrayList<>(List.of("", "", "")));
                ByteMutations.note(how, "blank row inserted before row " + (at + 1));
            }
            case 7 -> {
                if (rows > 1 && r < rows) {
                    int to = random.nextInt(rows);
                    List<String> row = grid.remove(r);
                    grid.add(to, row);
                    ByteMutations.note(how, "row " + (r + 1) + " moved to " + (to + 1));
                }
            }
            case 8 -> {
                boolean delete = random.nextBoolean();
                for (List<String> row : grid) {
                    if (c < row.size()) {
                        if (delete) {
                            row.remove(c);
                        } else {
                            row.add(c, row.get(c));
                        }
                    }
                }
                ByteMutations.note(how, (delete ? "delete column " : "repeat column ") + SheetGrid.columnLetters(c));
            }
            default -> {
                if (random.nextBoolean() || others.isEmpty()) {
                    int keep = Math.min(r, rows);
                    grid.subList(keep, rows).clear();
                    ByteMutations.note(how, "keep the first " + keep + " rows");
                } else {
                    int which = random.nextInt(others.size());
                    List<List<String>> other = others.get(which);
                    int from = other.isEmpty() ? 0 : random.nextInt(other.size());
                    int at = Math.min(r, rows);
                    for (int k = other.size() - 1; k >= from; k--) {
                        grid.add(at, new ArrayList<>(other.get(k)));
                    }
                    ByteMutations.note(how, "rows " + (from + 1) + ".. of seed " + which + " spliced in before row "
                            + (at + 1));
                }
            }
        }
    }

    private static String edit(String old, SplittableRandom random) {
        if (old.isEmpty()) {
            return CELLS.get(random.nextInt(CELLS.size()));
        }
        int at = random.nextInt(old.length());
        return switch (random.nextInt(6)) {
            case 0 -> old.substring(0, at) + old.substring(at + 1);
            case 1 -> old.substring(0, at) + "\"$,()|.:; \u201D\\".charAt(random.nextInt(12)) + old.substring(at);
            case 2 -> old.substring(0, at);
            case 3 -> old.toUpperCase(Locale.ROOT);
            case 4 -> old + old;
            default -> " " + old + " ";
        };
    }

    static String get(List<List<String>> grid, int r, int c) {
        if (r >= grid.size() || c >= grid.get(r).size()) {
            return "";
        }
        String v = grid.get(r).get(c);
        return v == null ? "" : v;
    }

    static void set(List<List<String>> grid, int r, int c, String value) {
        while (grid.size() <= r) {
            grid.add(new ArrayList<>());
        }
        List<String> row = grid.get(r);
        while (row.size() <= c) {
            row.add("");
        }
        row.set(c, value);
    }
}
