package io.nextbest.engine;

import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;

/** Turns the rule files of a pack into DRL, remembering where each rule came from. */
final class RuleSources {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^\\s*rule(?:\\s+|$)");
    // Written without an alternation inside a repetition: Java matches those by recursion, one level a
    // character, and a long rule name (a cell of a few thousand characters) overflowed the stack.
    private static final Pattern NAME = Pattern.compile("^\\s*(?:\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"|'([^']*+)'|(\\S++))");
    /** The first word of a DRL line Drools writes from a table's settings, and the setting it comes from. */
    private static final Map<String, String> SETTINGS = Map.of("package", "ruleset", "import", "import",
            "global", "variables", "function", "functions", "declare", "declare", "query", "queries", "unit", "unit");
    private static final Pattern TABLE_ROW = Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at ([A-Z]+)(\\d+)");

    private RuleSources() {
    }

    /** The DRL of a file, or {@code null} after adding to {@code problems} what stops it. */
    static DrlUnit toDrl(RuleFile file, List<RuleProblem> problems) {
        String drl;
        SheetRowListener sheetRows = new SheetRowListener();
        if (file.isDrl()) {
            drl = file.text();
        } else {
            try {
                if (file.lowerName().endsWith(".csv")) {
                    drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), InputType.CSV,
                            sheetRows);
                } else {
                    drl = workbookToDrl(file.content(), sheetRows);
                }
            } catch (RuntimeException e) {
                problems.add(new RuleProblem(file.name(), "", "is not a valid decision table: " + message(e)));
                return null;
            }
        }
        Matcher pkg = PACKAGE.matcher(drl);
        String packageName = pkg.find() ? pkg.group(1) : "";
        TreeMap<Integer, String> places = new TreeMap<>();
        Map<String, String> rules = new LinkedHashMap<>();
        String pendingRow = null;
        int rowCursor = 0;
        boolean inRules = false;
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            if (!inRules && !file.isDrl()) {
                // Before its rules, a table's DRL is its settings: place them at the setting's row.
                String word = lines[i].strip().split("\\s", 2)[0];
                String setting = sheetRows.settingAt(SETTINGS.getOrDefault(word, ""));
                if (setting != null) {
                    places.put(lineNumber, setting);
                }
            }
            Matcher row = TABLE_ROW.matcher(lines[i]);
            if (row.find()) {
                inRules = true;
                int rowNumber = Integer.parseInt(row.group(2));
                rowCursor = sheetRows.advanceTo(rowNumber - 1, rowCursor);
                String sheet = rowCursor > 0 ? sheetRows.sheetAt(rowCursor - 1) : "";
                pendingRow = (sheet.isEmpty() ? "" : "sheet " + sheet + ", ") + "row " + rowNumber;
                continue;
            }
            Matcher rule = RULE.matcher(lines[i]);
            if (rule.find()) {
                inRules = true;
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
                String place = file.isDrl() ? "line " + lineNumber : pendingRow == null ? "" : pendingRow;
                if (file.isDrl() || pendingRow != null) {
                    // In a table's DRL, a rule Drools did not announce with its row is a cell's text.
                    places.put(lineNumber, place);
                }
                rules.putIfAbsent(name, place);
                pendingRow = null;
            }
        }
        return new DrlUnit(file.name(), packageName, drl, places, rules);
    }

    /**
     * Drools' own reading of a spreadsheet, which also notes the sheet of every row, because the
     * {@code // rule values at A14} comments Drools writes into the DRL do not name the sheet.
     */
    static final class SheetRowListener extends DefaultRuleSheetListener {
        /** The workbook's sheets in order, which Drools reads in that order; empty for CSV. */
        private final List<String> names = new ArrayList<>();
        private final List<String> sheets = new ArrayList<>();
        private final List<Integer> rows = new ArrayList<>();
        /** Where each RuleSet setting (lower case) is first written: {@code row 2} or {@code sheet S, row 2}. */
        private final Map<String, String> settings = new java.util.HashMap<>();
        /** Whether rows came from more than one sheet, so that places must name the sheet. */
        private boolean severalSheets;
        private int sheetIndex;

        @Override
        public void finishSheet() {
            sheetIndex++;
            super.finishSheet();
        }

        private String sheet() {
            return sheetIndex < names.size() ? names.get(sheetIndex) : "";
        }

        @Override
        public void newRow(int rowNumber, int columns) {
            severalSheets |= !sheets.isEmpty() && !sheets.get(0).equals(sheet());
            sheets.add(sheet());
            rows.add(rowNumber);
            super.newRow(rowNumber, columns);
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            String setting = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
            if (SETTINGS.containsValue(setting)) {
                settings.putIfAbsent(setting, (names.size() > 1 ? "sheet " + sheet() + ", " : "") + "row " + (row + 1));
            }
            super.newCell(row, column, value, mergedColStart);
        }

        /** Where the given RuleSet setting is written, or null if it is not. */
        String settingAt(String setting) {
            return settings.get(setting);
        }

        /** The position after the next row read with this 0-based number, from {@code from} on. */
        int advanceTo(int row, int from) {
            for (int i = from; i < rows.size(); i++) {
                if (rows.get(i) == row) {
                    return i + 1;
                }
            }
            return from;
        }

        String sheetAt(int position) {
            return position < sheets.size() && severalSheets ? sheets.get(position) : "";
        }
    }

    /**
     * Drools' own reading of a workbook takes its first sheet only; rule tables on later sheets would be
     * silently lost. Every sheet is read here, in workbook order, into one rule set: the RuleSet, Import,
     * Variables and Functions of the first sheet apply to all.
     */
    private static String workbookToDrl(byte[] content, SheetRowListener listener) {
        try (org.apache.poi.ss.usermodel.Workbook wb = Workbooks.open(content)) {
            java.util.Map<String, List<org.drools.template.parser.DataListener>> sheets = new LinkedHashMap<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                sheets.put(wb.getSheetName(i), List.of(listener));
                listener.names.add(wb.getSheetName(i));
            }
            new org.drools.decisiontable.parser.xls.ExcelParser(sheets).parseWorkbook(wb);
            return new SpreadsheetCompiler().listenerToString(listener);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the workbook", e);
        }
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
