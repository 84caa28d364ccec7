package io.nextbest.engine;

import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Workbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/** Turns the rule files of a pack into DRL, remembering where each rule came from. */
final class RuleSources {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^\\s*rule(?:\\s+|$)");
    // Written without an alternation inside a repetition: Java matches those by recursion, one level a
    // character, and a long rule name (a cell of a few thousand characters) overflowed the stack.
    private static final Pattern NAME = Pattern.compile("^\\s*(?:\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"|'([^']*+)'|(\\S++))");
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
            TableReader reader = new TableReader(file.name(), "", false);
            try {
                new CsvParser(reader, new CsvLineParser()).parseFile(new ByteArrayInputStream(file.content()));
            } catch (RuntimeException e) {
                problems.add(ReadingProblems.ofReading(file.name(), reader.cells, e, List.of()));
                return List.of();
            }
            List<RuleProblem> found = reader.problems(List.of());
            problems.addAll(found);
            return found.isEmpty() ? List.of(unit(file.name(), reader.drl(), reader.cells, false)) : List.of();
        }
        // The workbook is opened once (a large one takes seconds to open) and each sheet read with a
        // reader of its own, as Drools reads a sheet.
        Workbook workbook;
        List<String> sheets;
        List<String> others = List.of();
        try {
            workbook = Workbooks.open(file.content());
            if (everySheet) {
                sheets = TableReader.sheetsWithRuleTables(workbook);
            } else {
                sheets = List.of(workbook.getSheetName(0));
                if (!TableReader.hasRuleTable(workbook.getSheetAt(0))) {
                    others = TableReader.sheetsWithRuleTables(workbook);
                }
            }
        } catch (RuntimeException e) {
            problems.add(TableReader.unreadable(file.name(), e));
            return List.of();
        }
        if (sheets.isEmpty()) {
            problems.add(new RuleProblem(file.name(), "", ReadingProblems.NO_RULE_TABLE));
            close(workbook);
            return List.of();
        }
        Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
        List<TableReader> readers = new ArrayList<>();
        for (String sheet : sheets) {
            TableReader reader = new TableReader(file.name(), sheet, everySheet);
            readers.add(reader);
            listeners.put(sheet, List.of(reader));
        }
        try {
            new ExcelParser(listeners).parseWorkbook(workbook);
        } catch (RuntimeException e) {
            // The parser's own error (a cell it cannot read), in the sheet it was reading.
            TableReader at = readers.stream().filter(TableReader::interrupted).findFirst().orElse(readers.get(0));
            problems.add(ReadingProblems.ofReading(file.name(), at.cells, e, others));
            return List.of();
        } finally {
            close(workbook);
        }
        List<DrlUnit> units = new ArrayList<>();
        for (TableReader reader : readers) {
            List<RuleProblem> found = reader.problems(others);
            problems.addAll(found);
            if (found.isEmpty()) {
                units.add(unit(file.name(), reader.drl(), reader.cells, sheets.size() > 1));
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
                if (cells == null || pendingRow != null) {
                    // In a table's DRL, a rule Drools did not announce with its row is a cell's text.
                    places.put(lineNumber, place);
                }
                rules.putIfAbsent(name, place);
                pendingRow = null;
            }
        }
        return new DrlUnit(file, packageName, drl, places, rules, cells);
    }

    private static void close(Workbook workbook) {
        try {
            workbook.close();
        } catch (IOException e) {
            // nothing was written
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
