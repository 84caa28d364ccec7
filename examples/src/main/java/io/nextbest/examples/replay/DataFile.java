package io.nextbest.examples.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A delimited text file with a header line: the data sets' CSV ({@code ,} or {@code ;}, strings
 * optionally in double quotes) and the mapping files. A line with the wrong number of fields is a
 * problem of that line alone: it is reported with its number and the others are read.
 */
public final class DataFile {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** One line of data: its number in the file (the header is line 1) and its fields by column. */
    public record Row(int line, List<String> values, Map<String, Integer> columns) {
        /** The value in the named column, without surrounding quotes; the column must exist. */
        public String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new IllegalArgumentException("no column '" + column + "'");
            }
            return values.get(index);
        }
    }

    private final String source;
    private final List<String> header;
    private final List<Row> rows;
    private final List<String> problems;

    private DataFile(String source, List<String> header, List<Row> rows, List<String> problems) {
        this.source = source;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads the whole file.
     *
     * @throws IllegalArgumentException if the file is missing, empty or has no header
     */
    public static DataFile read(Path file, char separator) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), in, separator);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads delimited text from {@code in}; {@code source} names it in problems. */
    public static DataFile parse(String source, BufferedReader in, char separator) throws IOException {
        String first = in.readLine();
        if (first == null || first.isBlank()) {
            throw new IllegalArgumentException(source + ": is empty, expected a header line of column names");
        }
        if (first.charAt(0) == BYTE_ORDER_MARK) {
            first = first.substring(1);
        }
        List<String> header = split(first, separator);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int number = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> values = split(line, separator);
            if (values.size() != header.size()) {
                problems.add(source + ", line " + number + ": has " + values.size() + " fields, the header has "
                        + header.size());
            } else {
                rows.add(new Row(number, values, columns));
            }
        }
        return new DataFile(source, header, rows, problems);
    }

    /** The fields of one line; a field in double quotes may hold the separator, and {@code ""} stands for a quote. */
    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c != '\r') {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** The file's name, as problems give it. */
    public String source() {
        return source;
    }

    public List<String> header() {
        return header;
    }

    /** The lines that have as many fields as the header, in file order. */
    public List<Row> rows() {
        return rows;
    }

    /** Lines that could not be read, each naming the file and line. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return source + " " + header;
    }
}
