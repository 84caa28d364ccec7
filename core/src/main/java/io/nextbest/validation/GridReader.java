package io.nextbest.validation;

import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import io.nextbest.engine.TableReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/** Reads a decision-table file into grids with Drools' own parsers, so we see what Drools sees. */
final class GridReader {
    private GridReader() {
    }

    /**
     * The sheets of a {@code .drl.csv}, {@code .drl.xls} or {@code .drl.xlsx} file, every sheet of a
     * workbook in workbook order (the first is the one Drools reads unless told otherwise).
     */
    public static List<SheetGrid> read(RuleFile file) {
        return read(file, false, new ArrayList<>());
    }

    /**
     * The sheets of a file, as {@link #read(RuleFile)}, read in the same pass as Drools reads the sheets
     * it compiles (a workbook's first, or with {@code everySheet} each that has a rule table): what
     * stops Drools reading one is added to {@code problems}, at its cell.
     *
     * @throws RuntimeException if the file is not a workbook POI can open
     */
    static List<SheetGrid> read(RuleFile file, boolean everySheet, List<RuleProblem> problems) {
        if (file.lowerName().endsWith(".csv")) {
            Capture capture = new Capture(new SheetGrid(""));
            TableReader reader = new TableReader(file.name(), "", false);
            new CsvParser(List.of(reader, capture), new CsvLineParser())
                    .parseFile(new ByteArrayInputStream(file.content()));
            problems.addAll(reader.problems(List.of()));
            return List.of(capture.grid);
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            // Each sheet gets a reading of its own, as Drools reads a sheet: Drools' own reader goes first,
            // because a RuleSet's NumericDisabled changes how the numbers below it read, and Drools' parser
            // asks the first such reader for it.
            List<String> tableSheets = TableReader.sheetsWithRuleTables(workbook);
            Map<String, List<DataListener>> sheets = new LinkedHashMap<>();
            List<SheetGrid> grids = new ArrayList<>();
            List<TableReader> readers = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                String name = workbook.getSheetName(i);
                SheetGrid grid = new SheetGrid(name);
                grids.add(grid);
                boolean read = everySheet ? tableSheets.contains(name) : i == 0;
                DefaultRuleSheetListener drools = read ? new TableReader(file.name(), name, everySheet) : new Settings();
                if (read) {
                    readers.add((TableReader) drools);
                }
                sheets.put(name, List.of(drools, new Capture(grid)));
            }
            new ExcelParser(sheets).parseWorkbook(workbook);
            if (everySheet && tableSheets.isEmpty()) {
                problems.add(new RuleProblem(file.name(), "", "has no RuleTable on any sheet, so Drools would make "
                        + "no rules of it"));
            }
            List<String> others = new ArrayList<>(tableSheets);
            if (!grids.isEmpty()) {
                others.remove(grids.get(0).name());
            }
            for (TableReader reader : readers) {
                problems.addAll(reader.problems(everySheet ? List.of() : others));
            }
            return grids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.name() + " as a spreadsheet", e);
        }
    }

    /**
     * The cells, as {row, column}, of a CSV file whose quotes open on one line and close on a later one:
     * Drools reads a CSV file line by line, so it cuts such a cell at the line break.
     */
    static List<int[]> cellsCutAtLineBreaks(RuleFile csv) {
        List<int[]> cut = new ArrayList<>();
        String[] lines = csv.text().split("\n", -1);
        for (int r = 0; r < lines.length; r++) {
            boolean quoted = false;
            int column = 0;
            int opened = 0;
            for (char ch : lines[r].toCharArray()) {
                if (ch == '"') {
                    quoted = !quoted;
                    opened = column;
                } else if (ch == ',' && !quoted) {
                    column++;
                }
            }
            if (quoted) {
                cut.add(new int[] {r, opened});
            }
        }
        return cut;
    }

    /** Puts the cells of one sheet in a grid. */
    private static final class Capture implements DataListener {
        final SheetGrid grid;

        Capture(SheetGrid grid) {
            this.grid = grid;
        }

        @Override
        public void startSheet(String name) {
        }

        @Override
        public void finishSheet() {
        }

        @Override
        public void newRow(int row, int columns) {
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            grid.put(row, column, value);
            if (mergedColStart != DataListener.NON_MERGED) {
                grid.merged(row, column, mergedColStart);
            }
        }
    }

    /**
     * Drools' own reading of a sheet, kept only for the settings it holds while the sheet is read
     * (NumericDisabled, IgnoreNumericFormat), which Drools' Excel parser asks the first such listener
     * for. A table Drools cannot read does not stop the grid: what is wrong is reported elsewhere.
     */
    private static final class Settings extends DefaultRuleSheetListener {
        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            try {
                super.newCell(row, column, value, mergedColStart);
            } catch (RuntimeException e) {
                // reported where the table is compiled
            }
        }

        @Override
        public void newRow(int rowNumber, int columns) {
            try {
                super.newRow(rowNumber, columns);
            } catch (RuntimeException e) {
                // reported where the table is compiled
            }
        }

        @Override
        public void finishSheet() {
            try {
                super.finishSheet();
            } catch (RuntimeException e) {
                // reported where the table is compiled
            }
        }
    }
}
