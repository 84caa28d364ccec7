package io.nextbest.validation;

import io.nextbest.RulePack.RuleFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/** Reads a decision-table file into grids with Drools' own parsers, so we see what Drools sees. */
public final class GridReader {
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
            // Drools' default Excel listener is not told sheet names: read each sheet under its name.
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
                for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                    String name = workbook.getSheetName(i);
                    capture.startSheet(name);
                    new ExcelParser(Map.of(name, List.<DataListener>of(capture.named(name)))).parseWorkbook(workbook);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.name() + " as a spreadsheet", e);
            }
        }
        return capture.sheets;
    }

    private static final class Capture implements DataListener {
        final List<SheetGrid> sheets = new ArrayList<>();
        final boolean csv;
        SheetGrid current;

        Capture(boolean csv) {
            this.csv = csv;
        }

        /** This capture, for one sheet whose name is already known: Drools' calls to start it are ignored. */
        DataListener named(String name) {
            Capture self = this;
            return new DataListener() {
                @Override
                public void startSheet(String ignored) {
                }

                @Override
                public void finishSheet() {
                }

                @Override
                public void newRow(int row, int columns) {
                }

                @Override
                public void newCell(int row, int column, String value, int mergedColStart) {
                    self.newCell(row, column, value, mergedColStart);
                }
            };
        }

        @Override
        public void startSheet(String name) {
            if (current != null && current.lastRow() < 0) {
                sheets.remove(current);
            }
            current = new SheetGrid(csv || name == null ? "" : name);
            sheets.add(current);
        }

        @Override
        public void finishSheet() {
        }

        @Override
        public void newRow(int row, int columns) {
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (current == null) {
                startSheet("");
            }
            current.put(row, column, value);
            if (mergedColStart != DataListener.NON_MERGED) {
                current.merged(row, column, mergedColStart);
            }
        }
    }
}
