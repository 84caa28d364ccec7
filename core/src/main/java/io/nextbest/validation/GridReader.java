package io.nextbest.validation;

import io.nextbest.RulePack.RuleFile;
import io.nextbest.engine.Workbooks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/** Reads a decision-table file into grids with Drools' own parsers, so we see what Drools sees. */
final class GridReader {
    private GridReader() {
    }

    /** The sheets of a {@code .drl.csv}, {@code .drl.xls} or {@code .drl.xlsx} file. */
    public static List<SheetGrid> read(RuleFile file) {
        boolean csv = file.lowerName().endsWith(".csv");
        Capture capture = new Capture(csv);
        if (csv) {
            new CsvParser(capture, new org.drools.decisiontable.parser.csv.CsvLineParser())
                    .parseFile(new ByteArrayInputStream(file.content()));
        } else {
            // Drools' default Excel reading takes the first sheet only and names none: read every sheet,
            // in workbook order, and name each as Drools finishes it.
            try (Workbook workbook = Workbooks.open(file.content())) {
                Map<String, List<DataListener>> sheets = new LinkedHashMap<>();
                for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                    sheets.put(workbook.getSheetName(i), List.of(capture));
                    capture.names.add(workbook.getSheetName(i));
                }
                new ExcelParser(sheets).parseWorkbook(workbook);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.name() + " as a spreadsheet", e);
            }
        }
        return capture.sheets;
    }

    private static final class Capture implements DataListener {
        final List<SheetGrid> sheets = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final boolean csv;
        SheetGrid current;
        /** Sheets Drools has finished, which names the one it reads now (an empty sheet has no cells). */
        int finished;

        Capture(boolean csv) {
            this.csv = csv;
        }

        @Override
        public void startSheet(String name) {
        }

        @Override
        public void finishSheet() {
            current = null;
            finished++;
        }

        @Override
        public void newRow(int row, int columns) {
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (current == null) {
                current = new SheetGrid(csv || finished >= names.size() ? "" : names.get(finished));
                sheets.add(current);
            }
            current.put(row, column, value);
            if (mergedColStart != DataListener.NON_MERGED) {
                current.merged(row, column, mergedColStart);
            }
        }
    }
}
