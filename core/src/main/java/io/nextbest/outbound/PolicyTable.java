package io.nextbest.outbound;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.nextbest.Channel;
import io.nextbest.RuleProblem;
import io.nextbest.validation.SheetGrid;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CSV table of the outbound policy, read with its header, whose typed cells report a bad value at the
 * spreadsheet cell it is in ({@code caps.csv, cell E3 (column "At most"): 'three' is not a whole number}),
 * so that one reading of a folder lists every mistake.
 */
final class PolicyTable {
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private final String file;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final List<RuleProblem> problems;

    private PolicyTable(String file, List<RuleProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The table, or an empty one with its problems added when it cannot be read or lacks a column. */
    static PolicyTable read(String file, Reader in, List<String> required, List<RuleProblem> problems) {
        PolicyTable table = new PolicyTable(file, problems);
        // Line by line, so that every row knows its line: a cell may hold a quoted comma, not a line break.
        try (BufferedReader lines = new BufferedReader(in)) {
            boolean header = true;
            int number = 0;
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                String[] row;
                try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
                    row = it.hasNextValue() ? it.nextValue() : new String[0];
                } catch (IOException | RuntimeException e) {
                    problems.add(new RuleProblem(file, "line " + number, "is not a CSV row: "
                            + firstLine(e.getMessage()) + " (a cell may hold a quoted comma, not a line break)"));
                    continue;
                }
                if (header) {
                    for (int c = 0; c < row.length; c++) {
                        table.columns.put(row[c].strip().toLowerCase(Locale.ROOT), c);
                    }
                    header = false;
                } else {
                    table.rows.add(row);
                    table.lines.add(number);
                }
            }
        } catch (IOException e) {
            problems.add(new RuleProblem(file, "", "cannot be read: " + firstLine(e.getMessage())));
            table.rows.clear();
            return table;
        }
        for (String column : required) {
            if (!table.columns.containsKey(column.toLowerCase(Locale.ROOT))) {
                problems.add(new RuleProblem(file, "line 1", "the header has no '" + column + "' column; the table's columns are "
                        + String.join(", ", required)));
                table.rows.clear();
            }
        }
        return table;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }

    int size() {
        return rows.size();
    }

    String file() {
        return file;
    }

    /** Where row {@code i} is, for a problem of the row as a whole: {@code line 4}. */
    String line(int i) {
        return "line " + lines.get(i);
    }

    /** The cell's text, stripped; empty when blank or missing. */
    String text(int i, String column) {
        Integer c = columns.get(column.toLowerCase(Locale.ROOT));
        String[] row = rows.get(i);
        return c == null || c >= row.length ? "" : row[c].strip();
    }

    /** Adds a problem at the cell: {@code cell D4 (column "Window days")}. */
    void problem(int i, String column, String message) {
        Integer c = columns.get(column.toLowerCase(Locale.ROOT));
        String place = c == null ? line(i) : "cell " + SheetGrid.ref(lines.get(i) - 1, c) + " (column \"" + column + "\")";
        problems.add(new RuleProblem(file, place, message));
    }

    /** Adds a problem of the table as a whole. */
    void problem(String message) {
        problems.add(new RuleProblem(file, "", message));
    }

    String required(int i, String column) {
        String v = text(i, column);
        if (v.isEmpty()) {
            problem(i, column, "is required");
        }
        return v;
    }

    /** A whole number of at least {@code min}; {@code fallback} when blank; {@code null} after a problem. */
    Integer whole(int i, String column, int min, Integer fallback) {
        String v = text(i, column);
        if (v.isEmpty()) {
            if (fallback == null) {
                problem(i, column, "is required: a whole number of at least " + min);
            }
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        problem(i, column, "'" + v + "' is not a whole number of at least " + min);
        return null;
    }

    LocalTime time(int i, String column) {
        String v = text(i, column);
        try {
            return LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            problem(i, column, "'" + v + "' is not a time like 08:00");
            return null;
        }
    }

    LocalDate date(int i, String column) {
        String v = text(i, column);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problem(i, column, "'" + v + "' is not a date like 2026-11-23");
            return null;
        }
    }

    <E extends Enum<E>> E choice(int i, String column, Class<E> type) {
        String v = text(i, column);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        problem(i, column, "'" + v + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    /** What a row applies to: {@code all}, {@code channel SMS}, {@code program retention} or {@code kind MARKETING}. */
    Target target(int i, String column) {
        String v = text(i, column);
        String[] parts = v.split("\\s+", 2);
        String what = parts[0].toLowerCase(Locale.ROOT);
        try {
            if (what.equals("all") && parts.length == 1) {
                return new Target(null, null, null);
            } else if (what.equals("channel") && parts.length == 2) {
                return new Target(Channel.valueOf(parts[1].strip().toUpperCase(Locale.ROOT)), null, null);
            } else if (what.equals("program") && parts.length == 2) {
                return new Target(null, parts[1].strip(), null);
            } else if (what.equals("kind") && parts.length == 2) {
                return new Target(null, null, ProgramKind.valueOf(parts[1].strip().toUpperCase(Locale.ROOT)));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problem(i, column, "'" + v + "' is not 'all', 'channel " + Arrays.toString(Channel.values())
                + "', 'program NAME' or 'kind SERVICE|MARKETING'");
        return null;
    }

    /**
     * What a row of a cap or suppression applies to: every contact, or those on one channel, of one program or
     * one kind; {@code null} parts match anything.
     */
    record Target(Channel channel, String program, ProgramKind kind) {
        boolean matches(Channel c, String p, ProgramKind k) {
            return (channel == null || channel == c) && (program == null || program.equals(p))
                    && (kind == null || kind == k);
        }
    }
}
