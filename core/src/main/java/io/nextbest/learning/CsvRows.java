package io.nextbest.learning;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.nextbest.RuleProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The small CSV tables of learning ({@code predictors.csv}, {@code learning.csv}): a fixed header, then rows. */
final class CsvRows {

    /** A row after the header, with its line in the file and its cells, stripped. */
    record Row(int line, String[] cells) {
        String at(String column) {
            return "line " + line + ", column \"" + column + "\"";
        }
    }

    private CsvRows() {
    }

    /**
     * The rows of the table that have one cell per column; a wrong header, a row of another width or text
     * that is not CSV goes to {@code problems}, at its line.
     */
    static List<Row> read(String file, String text, List<String> columns, List<RuleProblem> problems) {
        List<Row> read = new ArrayList<>();
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> rows = csv.readerFor(String[].class).readValues(text)) {
            boolean header = true;
            while (rows.hasNext()) {
                int line = rows.getCurrentLocation().getLineNr();
                String[] row = rows.next();
                if (row.length == 0 || (row.length == 1 && row[0].isBlank())) {
                    continue;
                }
                for (int c = 0; c < row.length; c++) {
                    row[c] = row[c].strip();
                }
                if (header) {
                    header = false;
                    if (!List.of(row).equals(columns)) {
                        problems.add(new RuleProblem(file, "line " + line, "the header must be "
                                + String.join(",", columns) + ", got " + String.join(",", row)));
                        return List.of();
                    }
                } else if (row.length != columns.size()) {
                    problems.add(new RuleProblem(file, "line " + line, "has " + row.length + " cells, needs "
                            + columns.size() + ": " + String.join(",", columns)));
                } else {
                    read.add(new Row(line, row));
                }
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            problems.add(new RuleProblem(file, "", "is not valid CSV: " + e.getMessage().lines().findFirst().orElse("")));
        }
        return read;
    }
}
