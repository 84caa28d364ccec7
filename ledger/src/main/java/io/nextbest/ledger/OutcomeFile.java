package io.nextbest.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file of outcomes, CSV with a header naming its columns in any order: {@code decisionId} and
 * {@code type} (ACCEPTED, DECLINED, IGNORED or SAVED) are required, {@code revenue} and
 * {@code handleTimeSeconds} may be left out or empty (0). A bad row is reported with its line and the
 * field that is wrong, and the other rows are read all the same.
 *
 * <pre>
 * decisionId,type,revenue,handleTimeSeconds
 * d-1931bc7688adde58,ACCEPTED,40,95
 * d-77a0c3e1f9b2d411,SAVED,,240
 * </pre>
 */
public final class OutcomeFile {
    /** The columns a file may have. */
    public static final List<String> COLUMNS = List.of("decisionId", "type", "revenue", "handleTimeSeconds");

    /**
     * One row of the file: an outcome, or why the row was refused.
     *
     * @param line    the row's line number, from 1 (the header)
     * @param outcome the outcome, or null if the row is bad
     * @param problem what is wrong with the row, or null
     */
    public record Row(int line, Outcome outcome, String problem) {
    }

    private OutcomeFile() {
    }

    /**
     * Reads the rows of a file. A header that lacks a required column, or names an unknown one, is one
     * problem at line 1, and no row is read.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<Row> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return List.of(new Row(1, null, "the file is not UTF-8 text"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) {
            return List.of(new Row(1, null, "the file is empty: the first line names the columns ("
                    + String.join(",", COLUMNS) + ")"));
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] header = lines.get(0).replace("\uFEFF", "").split(",", -1);
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip();
            if (!COLUMNS.contains(name)) {
                return List.of(new Row(1, null, "column " + (i + 1) + ": '" + name + "' is not a column of an "
                        + "outcomes file: the columns are " + String.join(", ", COLUMNS)));
            }
            columns.put(name, i);
        }
        for (String required : COLUMNS.subList(0, 2)) {
            if (!columns.containsKey(required)) {
                return List.of(new Row(1, null, "the header has no '" + required + "' column"));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(row(i + 1, lines.get(i).split(",", -1), columns, header.length));
            }
        }
        return rows;
    }

    private static Row row(int line, String[] cells, Map<String, Integer> columns, int width) {
        if (cells.length != width) {
            return new Row(line, null, "has " + cells.length + " fields, the header " + width);
        }
        String id = cells[columns.get("decisionId")].strip();
        String typeText = cells[columns.get("type")].strip();
        OutcomeType type;
        try {
            type = OutcomeType.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Row(line, null, "type: must be one of " + Arrays.toString(OutcomeType.values()) + ", got '"
                    + typeText + "'");
        }
        try {
            return new Row(line, new Outcome(id, type, number(cells, columns, "revenue"),
                    number(cells, columns, "handleTimeSeconds")), null);
        } catch (IllegalArgumentException e) {
            return new Row(line, null, e.getMessage());
        }
    }

    private static double number(String[] cells, Map<String, Integer> columns, String column) {
        Integer at = columns.get(column);
        String text = at == null ? "" : cells[at].strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": must be a number, got '" + text + "'", e);
        }
    }
}
