package io.nextbest.engine;

import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/** Turns the rule files of a pack into DRL, remembering where each rule came from. */
final class RuleSources {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^\\s*rule(?:\\s+|$)");
    private static final Pattern NAME = Pattern.compile("^\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
    private static final Pattern TABLE_ROW = Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at ([A-Z]+)(\\d+)");

    private RuleSources() {
    }

    /**
     * The DRL of a file: one unit for a DRL file, a CSV table or a workbook's first sheet, or one per
     * sheet with a RuleTable when the pack reads {@code everySheet}. None, after adding to
     * {@code problems} what stops it, if Drools cannot read the table.
     */
    static List<DrlUnit> toDrl(RuleFile file, boolean everySheet, List<RuleProblem> problems) {
        if (file.isDrl()) {
            return List.of(unit(file.name(), file.text(), null, false));
        }
        if (file.lowerName().endsWith(".csv")) {
            SheetRowListener listener = new SheetRowListener(new SheetCells(""));
            try {
                String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), InputType.CSV,
                        listener);
                return List.of(unit(file.name(), drl, listener.cells, false));
            } catch (RuntimeException e) {
                problems.add(ReadingProblems.ofReading(file.name(), listener.cells, e));
                return List.of();
            }
        }
        List<String> sheets;
        try {
            sheets = everySheet ? sheetsWithRuleTables(file.content()) : List.of(firstSheet(file.content()));
        } catch (IOException | RuntimeException e) {
            problems.add(ReadingProblems.ofUnreadable(file.name(), e));
            return List.of();
        }
        if (sheets.isEmpty()) {
            problems.add(new RuleProblem(file.name(), "", ReadingProblems.NO_RULE_TABLE));
        }
        List<DrlUnit> units = new ArrayList<>();
        for (String sheet : sheets) {
            SheetRowListener listener = new SheetRowListener(new SheetCells(sheet));
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
                if (everySheet) {
                    // As Drools reads a sheet it is told to: on its own, its rules named after it.
                    listener.setWorksheetName(sheet);
                    Map<String, List<DataListener>> only = new LinkedHashMap<>();
                    only.put(sheet, List.of(listener));
                    new ExcelParser(only).parseWorkbook(workbook);
                } else {
                    new ExcelParser(listener).parseWorkbook(workbook);
                }
                String drl = new SpreadsheetCompiler().listenerToString(listener);
                units.add(unit(file.name(), drl, listener.cells, sheets.size() > 1));
            } catch (IOException | RuntimeException e) {
                problems.add(ReadingProblems.ofReading(file.name(), listener.cells, e, everySheet ? List.of()
                        : otherSheetsWithTables(file.content(), sheet)));
            }
        }
        return units;
    }

    private static DrlUnit unit(String file, String drl, SheetCells cells, boolean nameSheet) {
        Matcher pkg = PACKAGE.matcher(drl);
        String packageName = pkg.find() ? pkg.group(1) : "";
        TreeMap<Integer, String> places = new TreeMap<>();
        Map<String, String> rules = new LinkedHashMap<>();
        String sheetPrefix = nameSheet ? "sheet " + cells.sheet() + ", " : "";
        String pendingRow = null;
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            Matcher row = TABLE_ROW.matcher(lines[i]);
            if (row.find()) {
                pendingRow = sheetPrefix + "row " + row.group(2);
                continue;
            }
            Matcher rule = RULE.matcher(lines[i]);
            if (rule.find()) {
                // DRL lets the name follow the keyword on a later line.
                int at = i;
                String rest = lines[i].substring(rule.end());
                while (rest.isBlank() && at + 1 < lines.length) {
                    rest = lines[++at];
                }
                Matcher n = NAME.matcher(rest);
                if (!n.find()) {
                    continue;
                }
                String name = n.group(1) != null ? n.group(1) : n.group(2) != null ? n.group(2) : n.group(3);
                String place = cells == null ? "line " + lineNumber : pendingRow == null ? "" : pendingRow;
                places.put(lineNumber, place);
                rules.putIfAbsent(name, place);
                pendingRow = null;
            }
        }
        return new DrlUnit(file, packageName, drl, places, rules, cells);
    }

    /**
     * Drools' own reading of a table sheet, which also keeps the cells it reads, where each rule table
     * starts and the cells of the RuleSet area, so that problems can be placed at their cell.
     */
    static final class SheetRowListener extends DefaultRuleSheetListener {
        final SheetCells cells;

        SheetRowListener(SheetCells cells) {
            this.cells = cells;
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            cells.put(row, column, value, mergedColStart);
            super.newCell(row, column, value, mergedColStart);
        }

        @Override
        protected void preInitRuleTable(int row, int column, String value) {
            cells.tableStarts(row, column);
        }

        @Override
        public void finishSheet() {
            super.finishSheet();
            List<String[]> found = new ArrayList<>();
            for (Map.Entry<String, List<String[]>> setting : getProperties().entrySet()) {
                for (String[] valueAndCell : setting.getValue()) {
                    found.add(new String[] {setting.getKey(), valueAndCell[0], valueAndCell[1]});
                }
            }
            found.sort((a, b) -> {
                int[] x = SheetCells.at(a[2]);
                int[] y = SheetCells.at(b[2]);
                return x == null || y == null ? 0 : x[0] != y[0] ? Integer.compare(x[0], y[0])
                        : Integer.compare(x[1], y[1]);
            });
            for (String[] s : found) {
                cells.setting(s[0], s[1], s[2]);
            }
        }
    }

    /** The sheets other than {@code sheet} that hold rule tables, to say where the tables went. */
    private static List<String> otherSheetsWithTables(byte[] workbook, String sheet) {
        try {
            List<String> sheets = new ArrayList<>(sheetsWithRuleTables(workbook));
            sheets.remove(sheet);
            return sheets;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String firstSheet(byte[] workbook) throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            return wb.getSheetName(0);
        }
    }

    /** The sheets with a cell Drools reads as the start of a rule table, in workbook order. */
    static List<String> sheetsWithRuleTables(byte[] workbook) throws IOException {
        List<String> names = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : wb) {
                if (hasRuleTable(sheet)) {
                    names.add(sheet.getSheetName());
                }
            }
        }
        return names;
    }

    private static boolean hasRuleTable(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && isRuleTable(cell.getStringCellValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Drools' test for a cell that starts a rule table: {@code RuleTable}, alone or followed by a space and a name. */
    static boolean isRuleTable(String cell) {
        String v = cell.strip().toLowerCase(Locale.ROOT);
        return v.equals("ruletable") || v.startsWith("ruletable ");
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        Throwable cause = e.getCause();
        while ((m == null || m.isBlank()) && cause != null) {
            m = cause.getMessage();
            cause = cause.getCause();
        }
        return m == null ? e.getClass().getSimpleName() : m.strip();
    }
}
