package io.nextbest.validation;

import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import io.nextbest.engine.TableReader;
import io.nextbest.engine.Workbooks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Workbook;
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
        return read(file, false, new ArrayList<>(), name -> true).grids();
    }

    /**
     * The sheets of a file, and whether reading stopped at the first rule table because the RuleSet
     * area above it imports a class that cannot be found: Drools rejects such a file whatever else it
     * holds, and a large workbook is answered without reading its rules.
     */
    record Sheets(List<SheetGrid> grids, boolean stoppedAtImports) {
    }

    /**
     * The sheets of a file, as {@link #read(RuleFile)}, read in the same pass as Drools reads the sheets
     * it compiles (a workbook's first, or with {@code everySheet} each that has a rule table): what
     * stops Drools reading one is added to {@code problems}, at its cell. Reading stops at the first rule
     * table of a sheet whose RuleSet area imports a class {@code resolves} does not know.
     *
     * @throws RuntimeException if the file is not a workbook POI can open
     */
    static Sheets read(RuleFile file, boolean everySheet, List<RuleProblem> problems, Predicate<String> resolves) {
        if (file.lowerName().endsWith(".csv")) {
            Capture capture = new Capture(new SheetGrid(""));
            TableReader reader = new TableReader(file.name(), "", false);
            try {
                new CsvParser(List.of(reader, capture, new ImportGate(resolves)), new CsvLineParser())
                        .parseFile(new ByteArrayInputStream(file.content()));
            } catch (StopReading stop) {
                return new Sheets(List.of(capture.grid), true);
            }
            problems.addAll(reader.problems(List.of()));
            return new Sheets(List.of(capture.grid), false);
        }
        try (Workbook workbook = Workbooks.open(file.content())) {
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
                if (everySheet ? tableSheets.contains(name) : i == 0) {
                    TableReader reader = new TableReader(file.name(), name, everySheet);
                    readers.add(reader);
                    sheets.put(name, List.of(reader, new Capture(grid), new ImportGate(resolves)));
                } else {
                    sheets.put(name, List.of(new Settings(), new Capture(grid)));
                }
            }
            try {
                new ExcelParser(sheets).parseWorkbook(workbook);
            } catch (StopReading stop) {
                return new Sheets(grids, true);
            }
            if (everySheet && tableSheets.isEmpty()) {
                problems.add(new RuleProblem(file.name(), "", TableReader.NO_RULE_TABLE));
            }
            List<String> others = new ArrayList<>(tableSheets);
            if (!grids.isEmpty()) {
                others.remove(grids.get(0).name());
            }
            for (TableReader reader : readers) {
                problems.addAll(reader.problems(everySheet ? List.of() : others));
            }
            return new Sheets(grids, false);
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

    /** Thrown to stop a parse: not an error. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super("stopped at an import that does not resolve", null, false, false);
        }
    }

    /**
     * Reads the RuleSet area as Drools does (a row's first cell is the key, its next cell the value) and,
     * at the sheet's first rule table, stops the parse if an import above it does not resolve.
     */
    private static final class ImportGate extends CellListener {
        private final Predicate<String> resolves;
        private final Map<Integer, String[]> rows = new LinkedHashMap<>();
        private boolean passed;

        ImportGate(Predicate<String> resolves) {
            this.resolves = resolves;
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (passed || value == null || value.isBlank()) {
                return;
            }
            if (!TableReader.isRuleTable(value)) {
                String[] setting = rows.get(row);
                if (setting == null) {
                    rows.put(row, new String[] {value.strip(), ""});
                } else if (setting[1].isEmpty()) {
                    setting[1] = value.strip();
                }
                return;
            }
            passed = true;
            Set<String> declared = new HashSet<>();
            for (String[] setting : rows.values()) {
                if (setting[0].equalsIgnoreCase("Declare")) {
                    declared.addAll(SheetReading.declaredTypes(setting[1]));
                }
            }
            for (String[] setting : rows.values()) {
                if (setting[0].equalsIgnoreCase("Import")) {
                    for (String name : setting[1].split(",")) {
                        if (!name.isBlank() && !declared.contains(FactClasses.simpleName(name.strip()))
                                && !resolves.test(name.strip())) {
                            throw new StopReading();
                        }
                    }
                }
            }
        }
    }

    /** A listener to the cells of a sheet only. */
    private abstract static class CellListener implements DataListener {
        @Override
        public void startSheet(String name) {
        }

        @Override
        public void finishSheet() {
        }

        @Override
        public void newRow(int row, int columns) {
        }
    }

    /** Puts the cells of one sheet in a grid. */
    private static final class Capture extends CellListener {
        final SheetGrid grid;

        Capture(SheetGrid grid) {
            this.grid = grid;
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
