package io.nextbest.validation;

import io.nextbest.validation.DecisionTable.Column;
import io.nextbest.validation.DecisionTable.Settings;
import io.nextbest.validation.DecisionTable.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sheet read the way Drools' sheet listener reads it: outside a table, each row's first cell is a
 * setting and its next cell the value; a {@code RuleTable} cell starts a table, whose keyword,
 * pattern, snippet and label rows follow, then a rule per row until a blank row or the next table.
 * Cells left of a table are comments. What Drools refuses to read is not judged here: Drools' own
 * reader does that in the same pass ({@link GridReader}).
 */
final class SheetReading {
    private static final Pattern FUNCTION = Pattern.compile("\\bfunction\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\(");
    private static final Pattern DECLARE = Pattern.compile("\\bdeclare\\s+(?:trait\\s+|enum\\s+)?([\\w.]+)");
    /** The words that start a row of settings, which also ends the rows lost after a blank row. */
    private static final Set<String> SETTING_KEYS = Set.of("ruleset", "import", "variables", "functions", "queries",
            "declare", "unit", "dialect", "sequential", "sequentialmaxpriority", "sequentialminpriority",
            "escapequotes", "numericdisabled", "ignorenumericformat", "notes", "complete");

    private final SheetGrid sheet;
    private final List<Table> tables = new ArrayList<>();
    /** The RuleSet area by row: the key, its value, and the value's cell. */
    private final Map<Integer, String[]> rowSettings = new TreeMap<>();
    private Settings settings;
    /** The table being read: where it starts, its name, its last rule row and its rule rows. */
    private int startRow = -1;
    private int startColumn;
    private String name;
    private int ruleRow;
    private final List<Integer> dataRows = new ArrayList<>();
    /** The tables read, in order: where each starts, where a blank row ended it (or -1), its rows, its name. */
    private final List<int[]> starts = new ArrayList<>();
    private final List<Integer> ends = new ArrayList<>();
    private final List<List<Integer>> rowsOfTables = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private SheetReading(SheetGrid sheet) {
        this.sheet = sheet;
    }

    static SheetReading read(SheetGrid sheet) {
        SheetReading reading = new SheetReading(sheet);
        reading.read();
        return reading;
    }

    List<Table> tables() {
        return tables;
    }

    Settings settings() {
        return settings;
    }

    private void read() {
        for (int r : sheet.rowNumbers()) { // only the rows that hold cells: a sheet may be sparse
            for (Map.Entry<Integer, String> cell : sheet.row(r).entrySet()) {
                int c = cell.getKey();
                String v = cell.getValue();
                if (startRow < 0) {
                    outside(r, c, v);
                } else if (r == startRow) {
                    continue;
                } else if (DecisionTable.isRuleTable(v)) {
                    finish(r);
                    start(r, c, v);
                } else if (c >= startColumn && r - startRow >= 5) {
                    if (r - ruleRow > 1) {
                        // A blank row ends the table; the cell is outside it.
                        finish(r);
                        outside(r, c, v);
                    } else {
                        ruleRow = Math.max(ruleRow, r);
                        if (dataRows.isEmpty() || dataRows.get(dataRows.size() - 1) != r) {
                            dataRows.add(r);
                        }
                    }
                }
            }
        }
        finish(-1);
        settings = settings(rowSettings.values());
        for (int t = 0; t < starts.size(); t++) {
            tables.add(table(t));
        }
    }

    private void outside(int r, int c, String v) {
        if (DecisionTable.isRuleTable(v)) {
            start(r, c, v);
            return;
        }
        String[] setting = rowSettings.get(r);
        if (setting == null) {
            rowSettings.put(r, new String[] {v.trim(), "", ""});
        } else if (setting[1].isEmpty()) {
            setting[1] = v;
            setting[2] = SheetGrid.ref(r, c);
        }
    }

    private void start(int r, int c, String v) {
        startRow = r;
        startColumn = c;
        name = v.trim().substring("ruletable".length()).trim();
        ruleRow = r + 5;
        dataRows.clear();
    }

    private void finish(int endedAt) {
        if (startRow < 0) {
            return;
        }
        starts.add(new int[] {startRow, startColumn});
        ends.add(endedAt);
        rowsOfTables.add(List.copyOf(dataRows));
        names.add(name);
        startRow = -1;
    }

    private Table table(int t) {
        int row = starts.get(t)[0];
        int col = starts.get(t)[1];
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<Integer, String> keyword : sheet.row(row + 1).entrySet()) {
            int c = keyword.getKey();
            if (c < col) {
                continue;
            }
            String raw = keyword.getValue();
            columns.add(new Column(c, DecisionTable.keywordOf(raw), raw, sheet.cell(row + 2, c), sheet.cell(row + 3, c),
                    sheet.cell(row + 4, c)));
        }
        List<Integer> ignored = new ArrayList<>();
        if (ends.get(t) >= 0) {
            // Drools ended the table at a blank row: the rows that follow, up to the next table, are lost.
            for (int r : sheet.rowNumbers().tailSet(ends.get(t), true)) {
                if (startsTable(r) || startsSettings(r)) {
                    break;
                }
                if (looksLikeRuleRow(r, columns)) {
                    ignored.add(r);
                }
            }
        }
        String tableName = names.get(t);
        return new Table(sheet, tableName, row, col, List.copyOf(columns), rowsOfTables.get(t), List.copyOf(ignored),
                completeTables().contains(tableName.toLowerCase(Locale.ROOT)), settings, flagBefore(row, "sequential",
                false), flagBefore(row, "escapequotes", true));
    }

    /** A flag of the RuleSet area as Drools reads it when a table starts: from the rows above the table. */
    private boolean flagBefore(int row, String key, boolean otherwise) {
        boolean value = otherwise;
        for (Map.Entry<Integer, String[]> s : rowSettings.entrySet()) {
            if (s.getKey() >= row) {
                break;
            }
            if (s.getValue()[0].equalsIgnoreCase(key)) {
                value = meansTrue(s.getValue()[1]);
            }
        }
        return value;
    }

    private Set<String> completeTables() {
        Set<String> complete = new HashSet<>();
        for (String[] s : rowSettings.values()) {
            if (s[0].equalsIgnoreCase("complete")) {
                for (String t : s[1].split(",")) {
                    complete.add(t.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return complete;
    }

    private boolean startsTable(int r) {
        for (String v : sheet.row(r).values()) {
            if (DecisionTable.isRuleTable(v)) {
                return true;
            }
        }
        return false;
    }

    private boolean startsSettings(int r) {
        String first = sheet.row(r).isEmpty() ? "" : sheet.row(r).firstEntry().getValue().strip();
        return SETTING_KEYS.contains(first.toLowerCase(Locale.ROOT));
    }

    private boolean looksLikeRuleRow(int r, List<Column> columns) {
        for (Column c : columns) {
            if (!sheet.cell(r, c.index()).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The settings of a RuleSet area, from its rows of a key and a value. */
    private static Settings settings(Iterable<String[]> rows) {
        String packageName = null;
        List<String> imports = new ArrayList<>();
        Set<String> functions = new HashSet<>();
        Set<String> declared = new HashSet<>();
        Map<String, String> globals = new LinkedHashMap<>();
        Map<String, String> importCells = new LinkedHashMap<>();
        for (String[] s : rows) {
            String value = s[1];
            switch (s[0].toLowerCase(Locale.ROOT)) {
                case "ruleset" -> packageName = packageName == null ? value.strip() : packageName;
                case "import" -> {
                    for (String i : value.split(",")) {
                        if (!i.isBlank()) {
                            imports.add(i.strip());
                            importCells.putIfAbsent(i.strip(), s[2]);
                        }
                    }
                }
                case "functions" -> {
                    Matcher m = FUNCTION.matcher(value);
                    while (m.find()) {
                        functions.add(m.group(1));
                    }
                }
                case "declare" -> declared.addAll(declaredTypes(value));
                case "variables" -> {
                    for (String g : value.split(",")) {
                        String[] parts = g.strip().split("\\s+");
                        if (parts.length >= 2) {
                            globals.put(parts[1], parts[0]);
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new Settings(packageName == null ? "" : packageName, List.copyOf(imports), Set.copyOf(functions),
                Set.copyOf(declared), Map.copyOf(globals), Map.copyOf(importCells));
    }

    /** The names of the types a Declare cell declares. */
    static Set<String> declaredTypes(String declare) {
        Set<String> names = new HashSet<>();
        Matcher m = DECLARE.matcher(declare);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Drools' reading of a flag's value. */
    private static boolean meansTrue(String value) {
        String v = value.trim();
        return v.equalsIgnoreCase("true") || v.startsWith("Y") || v.startsWith("y") || v.equalsIgnoreCase("on");
    }
}
