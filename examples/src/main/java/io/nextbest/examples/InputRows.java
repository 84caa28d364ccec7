package io.nextbest.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.nextbest.examples.Errors.UserError;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rows of one input file, read one line at a time: CSV with a header (a cell may hold a quoted comma,
 * not a line break), or JSON Lines (a file named {@code .jsonl} or {@code .json}: one object a line, with
 * the CSV's column names as fields; a nested object's fields are named with dots, {@code attributes.usagePercent}).
 * A line that is not a row is reported, with its file and line, and skipped.
 */
final class InputRows implements Closeable {
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row: its file, its line and its fields by name, as text. */
    record Row(String file, int line, Map<String, String> fields) {
        String get(String name) {
            String v = fields.get(name);
            return v == null ? "" : v.strip();
        }

        String place() {
            return file + " line " + line;
        }
    }

    private final String name;
    private final Utf8Lines lines;
    private final boolean json;
    private final Consumer<String> skipped;
    private String[] header;

    InputRows(Path file, Utf8Lines lines, List<String> columns, Consumer<String> skipped) throws IOException {
        this.name = file.getFileName().toString();
        this.lines = lines;
        this.skipped = skipped;
        String n = name.toLowerCase(java.util.Locale.ROOT);
        this.json = n.endsWith(".jsonl") || n.endsWith(".json");
        if (!json) {
            header = headerOf(columns);
        }
    }

    private String[] headerOf(List<String> columns) throws IOException {
        for (Utf8Lines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.error() == null && line.text().isBlank()) {
                continue;
            }
            String[] h = line.error() == null ? cells(line.text()) : null;
            if (h == null) {
                throw new UserError(name + " line " + line.number() + ": the header is not a CSV row");
            }
            for (int c = 0; c < h.length; c++) {
                h[c] = h[c].strip();
                if (!columns.contains(h[c]) && !h[c].startsWith("attributes.")) {
                    throw new UserError(name + " line " + line.number() + ", column " + (c + 1) + ": '" + h[c]
                            + "' is not a column of this file; its columns are " + String.join(", ", columns)
                            + " and attributes.NAME");
                }
            }
            return h;
        }
        throw new UserError(name + " is empty: it needs a header row with the columns " + String.join(", ", columns));
    }

    /** The next row, or {@code null} at the end. */
    Row next() throws IOException {
        for (Utf8Lines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.error() != null) {
                skipped.accept(name + " line " + line.number() + ": " + line.error());
                continue;
            }
            if (line.text().isBlank()) {
                continue;
            }
            Map<String, String> fields = json ? object(line) : row(line);
            if (fields != null) {
                return new Row(name, line.number(), fields);
            }
        }
        return null;
    }

    private Map<String, String> row(Utf8Lines.Line line) {
        String[] cells = cells(line.text());
        if (cells == null) {
            skipped.accept(name + " line " + line.number() + ": is not a CSV row (a cell may hold a quoted comma, "
                    + "not a line break)");
            return null;
        }
        if (cells.length > header.length) {
            skipped.accept(name + " line " + line.number() + ": has " + cells.length + " cells, the header "
                    + header.length);
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int c = 0; c < cells.length; c++) {
            fields.put(header[c], cells[c]);
        }
        return fields;
    }

    private Map<String, String> object(Utf8Lines.Line line) {
        try {
            JsonNode node = JSON.readTree(line.text());
            if (node == null || !node.isObject()) {
                skipped.accept(name + " line " + line.number() + ": is not a JSON object");
                return null;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            flatten("", node, fields);
            return fields;
        } catch (IOException e) {
            skipped.accept(name + " line " + line.number() + ": is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(prefix + e.getKey() + ".", v, into);
            } else if (!v.isNull()) {
                into.put(prefix + e.getKey(), v.isTextual() ? v.textValue() : v.toString());
            }
        }
    }

    private static String[] cells(String text) {
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
            return it.hasNextValue() ? it.nextValue() : new String[0];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
