package io.nextbest.validation;

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
import org.drools.decisiontable.parser.ActionType;

/**
 * The structure of a decision-table file as Drools reads it: for each sheet, the settings of its RuleSet
 * area and its rule tables, with their columns (keyword, pattern, code snippet, label) and data rows.
 * Drools reads a workbook's first sheet unless the pack reads every sheet; each sheet it reads stands on
 * its own, with its own RuleSet, Import and other settings.
 */
final class DecisionTable {
    /** Column keywords, long and short forms, as Drools reads them. */
    static final Map<String, String> KEYWORDS = keywords();

    private static final Pattern FUNCTION = Pattern.compile("\\bfunction\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\(");
    private static final Pattern DECLARE = Pattern.compile("\\bdeclare\\s+(?:trait\\s+|enum\\s+)?([\\w.]+)");

    /**
     * The settings of a sheet's RuleSet area that its tables see.
     *
     * @param packageName   the RuleSet, or empty
     * @param imports       the classes imported, as written
     * @param functions     the names of the functions written under Functions
     * @param declaredTypes the names of the types written under Declare
     * @param globals       the Variables, by name, with their type as written
     * @param importCells   for each class imported, the cell that imports it, such as {@code B2}
     */
    record Settings(String packageName, List<String> imports, Set<String> functions, Set<String> declaredTypes,
                    Map<String, String> globals, Map<String, String> importCells) {
    }

    /**
     * A column of a rule table.
     *
     * @param index      0-based column index
     * @param keyword    the keyword as Drools reads it, in its long form, such as {@code CONDITION}; Drools
     *                   reads a word it does not know by its first letter
     * @param rawKeyword the keyword cell as written
     * @param pattern    the pattern row cell (for conditions: the fact, such as {@code $s : Situation...})
     * @param template   the code snippet row cell
     * @param label      the label row cell, which analysts read as the column's header
     */
    public record Column(int index, String keyword, String rawKeyword, String pattern, String template, String label) {

        public boolean isCondition() {
            return keyword.equals("CONDITION");
        }

        public boolean isAction() {
            return keyword.equals("ACTION");
        }

        /** True when Drools knows the keyword as written, not only by its first letter. */
        public boolean exact() {
            return ActionType.getTag2code().containsKey(rawKeyword.strip().toUpperCase(Locale.ROOT));
        }

        /** The label if there is one, else the keyword as written. */
        public String header() {
            return label.isBlank() ? rawKeyword.strip() : label.strip();
        }
    }

    /**
     * One rule table.
     *
     * @param sheet        the sheet it is on
     * @param name         the table's name
     * @param row          the 0-based row of the {@code RuleTable} cell
     * @param firstColumn  the 0-based column of the {@code RuleTable} cell
     * @param columns      its columns, left to right
     * @param dataRows     0-based rows of its rules
     * @param ignoredRows  0-based rows after a blank row that Drools will not read as rules
     * @param complete     the analyst marked the table complete: every input must be covered by a row
     * @param settings     the settings of its sheet's RuleSet area
     * @param sequential   the RuleSet says Sequential before the table: Drools orders rows by position
     *                     and ignores PRIORITY
     * @param escapeQuotes Drools escapes quotes inside values (EscapeQuotes, true unless set false)
     */
    public record Table(SheetGrid sheet, String name, int row, int firstColumn, List<Column> columns,
                        List<Integer> dataRows, List<Integer> ignoredRows, boolean complete, Settings settings,
                        boolean sequential, boolean escapeQuotes) {

        public String cell(int dataRow, Column column) {
            return sheet.cell(dataRow, column.index());
        }

        public Column nameColumn() {
            for (Column c : columns) {
                if (c.keyword().equals("NAME")) {
                    return c;
                }
            }
            return null;
        }

        /** The column at a 0-based index, or null. */
        public Column at(int index) {
            for (Column c : columns) {
                if (c.index() == index) {
                    return c;
                }
            }
            return null;
        }

        /** The keyword row, the pattern row, the snippet row and the label row follow the RuleTable row. */
        public int keywordRow() {
            return row + 1;
        }

        public int patternRow() {
            return row + 2;
        }

        public int templateRow() {
            return row + 3;
        }

        public int labelRow() {
            return row + 4;
        }

        /** The last row the table covers. */
        int lastRow() {
            return dataRows.isEmpty() ? labelRow() : dataRows.get(dataRows.size() - 1);
        }
    }

    private final String file;
    private final List<SheetGrid> sheets;
    private final List<Table> tables;
    private final List<Table> unreadTables;
    private final Map<String, Settings> settings;

    private DecisionTable(String file, List<SheetGrid> sheets, List<Table> tables, List<Table> unreadTables,
                          Map<String, Settings> settings) {
        this.file = file;
        this.sheets = sheets;
        this.tables = tables;
        this.unreadTables = unreadTables;
        this.settings = settings;
    }

    /** The tables of a CSV file, or of a workbook's first sheet. */
    public static DecisionTable parse(String file, List<SheetGrid> sheets) {
        return parse(file, sheets, false);
    }

    /**
     * Finds the RuleSet settings and the rule tables in the sheets of a file: those of a CSV file, of a
     * workbook's first sheet, or, with {@code everySheet}, of every sheet of the workbook that has a table.
     */
    public static DecisionTable parse(String file, List<SheetGrid> sheets, boolean everySheet) {
        List<Table> tables = new ArrayList<>();
        List<Table> unread = new ArrayList<>();
        Map<String, Settings> settings = new LinkedHashMap<>();
        for (int i = 0; i < sheets.size(); i++) {
            SheetReading reading = new SheetReading(sheets.get(i));
            reading.read();
            boolean read = i == 0 || everySheet;
            (read ? tables : unread).addAll(reading.tables);
            settings.put(sheets.get(i).name(), reading.settings);
        }
        return new DecisionTable(file, sheets, List.copyOf(tables), List.copyOf(unread), settings);
    }

    /** Drools' test for a cell that starts a rule table: {@code RuleTable}, alone or followed by a space and a name. */
    static boolean isRuleTable(String cell) {
        String v = cell.trim().toLowerCase(Locale.ROOT);
        return v.equals("ruletable") || v.startsWith("ruletable ");
    }

    /**
     * One sheet read the way Drools' sheet listener reads it: outside a table, each row's first cell is a
     * setting and its next cell the value; a {@code RuleTable} cell starts a table, whose keyword,
     * pattern, snippet and label rows follow, then a rule per row until a blank row or the next table.
     */
    private static final class SheetReading {
        final SheetGrid sheet;
        final List<Table> tables = new ArrayList<>();
        final Map<Integer, String[]> rowSettings = new TreeMap<>();
        Settings settings;
        /** The table being read: where it starts, its name, its last rule row and its rule rows. */
        int startRow = -1;
        int startColumn;
        String name;
        int ruleRow;
        final List<Integer> dataRows = new ArrayList<>();

        SheetReading(SheetGrid sheet) {
            this.sheet = sheet;
        }

        void read() {
            List<int[]> starts = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            for (int r = 0; r <= sheet.lastRow(); r++) {
                for (Map.Entry<Integer, String> cell : sheet.row(r).entrySet()) {
                    int c = cell.getKey();
                    String v = cell.getValue();
                    if (startRow >= 0 && r == startRow) {
                        continue;
                    }
                    if (startRow >= 0) {
                        if (isRuleTable(v)) {
                            finish(starts, ends, r);
                            start(r, c, v);
                            continue;
                        }
                        if (c < startColumn || r - startRow < 5) {
                            continue;
                        }
                        if (r - ruleRow > 1) {
                            finish(starts, ends, r);
                            outside(r, c, v);
                            continue;
                        }
                        if (r > ruleRow) {
                            ruleRow = r;
                        }
                        if (dataRows.isEmpty() || dataRows.get(dataRows.size() - 1) != r) {
                            dataRows.add(r);
                        }
                    } else {
                        outside(r, c, v);
                    }
                }
            }
            finish(starts, ends, -1);
            settings = settings(rowSettings.values());
            for (int t = 0; t < starts.size(); t++) {
                tables.add(table(starts.get(t), ends.get(t)));
            }
        }

        private void outside(int r, int c, String v) {
            if (isRuleTable(v)) {
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

        private final List<List<Integer>> rowsOfTables = new ArrayList<>();
        private final List<String> names = new ArrayList<>();

        private void start(int r, int c, String v) {
            startRow = r;
            startColumn = c;
            String t = v.trim();
            name = t.substring("ruletable".length()).trim();
            ruleRow = r + 5;
            dataRows.clear();
        }

        private void finish(List<int[]> starts, List<Integer> ends, int endedAt) {
            if (startRow < 0) {
                return;
            }
            starts.add(new int[] {startRow, startColumn});
            ends.add(endedAt);
            rowsOfTables.add(List.copyOf(dataRows));
            names.add(name);
            startRow = -1;
        }

        private Table table(int[] start, int endedAt) {
            int t = tables.size();
            int row = start[0];
            int col = start[1];
            List<Column> columns = new ArrayList<>();
            for (Map.Entry<Integer, String> keyword : sheet.row(row + 1).entrySet()) {
                int c = keyword.getKey();
                if (c < col) {
                    continue;
                }
                String raw = keyword.getValue();
                columns.add(new Column(c, keywordOf(raw), raw, sheet.cell(row + 2, c), sheet.cell(row + 3, c),
                        sheet.cell(row + 4, c)));
            }
            List<Integer> data = rowsOfTables.get(t);
            List<Integer> ignored = new ArrayList<>();
            if (endedAt >= 0) {
                // Drools ended the table at a blank row: the rows that follow, up to the next table, are lost.
                for (int r = endedAt; r <= sheet.lastRow(); r++) {
                    if (startsTable(r) || startsSettings(r)) {
                        break;
                    }
                    if (looksLikeRuleRow(r, columns)) {
                        ignored.add(r);
                    }
                }
            }
            Map<String, Boolean> flags = flagsBefore(row);
            return new Table(sheet, names.get(t), row, col, List.copyOf(columns), data, List.copyOf(ignored),
                    completeTables().contains(names.get(t).toLowerCase(Locale.ROOT)), settings, flags.get("sequential"),
                    flags.get("escapequotes"));
        }

        private Map<String, Boolean> flagsBefore(int row) {
            boolean sequential = false;
            boolean escapeQuotes = true;
            for (Map.Entry<Integer, String[]> s : rowSettings.entrySet()) {
                if (s.getKey() >= row) {
                    break;
                }
                String key = s.getValue()[0].toLowerCase(Locale.ROOT);
                if (key.equals("sequential")) {
                    sequential = meansTrue(s.getValue()[1]);
                } else if (key.equals("escapequotes")) {
                    escapeQuotes = meansTrue(s.getValue()[1]);
                }
            }
            return Map.of("sequential", sequential, "escapequotes", escapeQuotes);
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
                if (isRuleTable(v)) {
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
            String key = s[0].toLowerCase(Locale.ROOT);
            String value = s[1];
            switch (key) {
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
                case "declare" -> {
                    Matcher m = DECLARE.matcher(value);
                    while (m.find()) {
                        declared.add(m.group(1));
                    }
                }
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

    /** The words that start a row of settings, which also ends the rows lost after a blank row. */
    private static final Set<String> SETTING_KEYS = Set.of("ruleset", "import", "variables", "functions", "queries",
            "declare", "unit", "dialect", "sequential", "sequentialmaxpriority", "sequentialminpriority",
            "escapequotes", "numericdisabled", "ignorenumericformat", "notes", "complete");

    /** The keyword as Drools reads it: as written, else by its first letter; empty if neither. */
    static String keywordOf(String raw) {
        String upper = raw.strip().toUpperCase(Locale.ROOT);
        ActionType.Code code = ActionType.getTag2code().get(upper);
        if (code == null && !upper.isEmpty()) {
            code = ActionType.getTag2code().get(upper.substring(0, 1));
        }
        return code == null ? "" : code.getColHeader();
    }

    private static Map<String, String> keywords() {
        Map<String, String> keywords = new LinkedHashMap<>();
        for (Map.Entry<String, ActionType.Code> e : ActionType.getTag2code().entrySet()) {
            keywords.put(e.getKey(), e.getValue().getColHeader());
        }
        return Map.copyOf(keywords);
    }

    private static boolean meansTrue(String value) {
        String v = value.trim();
        return v.equalsIgnoreCase("true") || v.startsWith("Y") || v.startsWith("y") || v.equalsIgnoreCase("on");
    }

    public String file() {
        return file;
    }

    public List<SheetGrid> sheets() {
        return sheets;
    }

    /** The tables Drools reads. */
    public List<Table> tables() {
        return tables;
    }

    /** Tables on sheets Drools does not read (a workbook's later sheets, unless the pack reads every sheet). */
    public List<Table> unreadTables() {
        return unreadTables;
    }

    /** The header of the column a cell such as {@code C12} is in, in the table above it on the sheet; or empty. */
    String header(String sheet, String ref) {
        int[] at = SheetGrid.at(ref);
        Table found = null;
        for (Table t : tables) {
            if (t.sheet().name().equals(sheet) && t.row() <= at[0] && (found == null || t.row() > found.row())) {
                found = t;
            }
        }
        Column c = found == null || at[0] == found.row() ? null : found.at(at[1]);
        return c == null ? "" : c.header();
    }

    /** The settings of a sheet's RuleSet area. */
    Settings settings(SheetGrid sheet) {
        return settings.get(sheet.name());
    }
}
