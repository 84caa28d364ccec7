package io.nextbest.validation;

import io.nextbest.RulePack.RuleFile;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
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
            new ExcelParser(capture).parseFile(new ByteArrayInputStream(file.content()));
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
