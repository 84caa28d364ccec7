package io.nextbest.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The structure of a decision-table file as Drools reads it: the RuleSet settings and each RuleTable
 * with its columns (keyword, pattern, code snippet, label) and data rows.
 */
final class DecisionTable {
    /** Column keywords Drools accepts, long and short forms. */
    static final Map<String, String> KEYWORDS = Map.ofEntries(
            Map.entry("NAME", "NAME"), Map.entry("N", "NAME"),
            Map.entry("DESCRIPTION", "DESCRIPTION"), Map.entry("I", "DESCRIPTION"),
            Map.entry("CONDITION", "CONDITION"), Map.entry("C", "CONDITION"),
            Map.entry("ACTION", "ACTION"), Map.entry("A", "ACTION"),
            Map.entry("PRIORITY", "PRIORITY"), Map.entry("SALIENCE", "PRIORITY"), Map.entry("P", "PRIORITY"),
            Map.entry("DURATION", "DURATION"), Map.entry("D", "DURATION"),
            Map.entry("TIMER", "TIMER"), Map.entry("T", "TIMER"),
            Map.entry("CALENDARS", "CALENDARS"), Map.entry("E", "CALENDARS"),
            Map.entry("NO-LOOP", "NO-LOOP"), Map.entry("U", "NO-LOOP"),
            Map.entry("LOCK-ON-ACTIVE", "LOCK-ON-ACTIVE"), Map.entry("L", "LOCK-ON-ACTIVE"),
            Map.entry("AUTO-FOCUS", "AUTO-FOCUS"), Map.entry("F", "AUTO-FOCUS"),
            Map.entry("ACTIVATION-GROUP", "ACTIVATION-GROUP"), Map.entry("X", "ACTIVATION-GROUP"),
            Map.entry("AGENDA-GROUP", "AGENDA-GROUP"), Map.entry("G", "AGENDA-GROUP"),
            Map.entry("RULEFLOW-GROUP", "RULEFLOW-GROUP"), Map.entry("R", "RULEFLOW-GROUP"),
            Map.entry("DATE-EFFECTIVE", "DATE-EFFECTIVE"), Map.entry("V", "DATE-EFFECTIVE"),
            Map.entry("DATE-EXPIRES", "DATE-EXPIRES"), Map.entry("Z", "DATE-EXPIRES"),
            Map.entry("METADATA", "METADATA"), Map.entry("@", "METADATA"),
            Map.entry("ENABLED", "ENABLED"), Map.entry("B", "ENABLED"));

    /** RuleSet-level keywords Drools accepts. */
    static final Set<String> RULESET_KEYWORDS = Set.of("ruleset", "import", "variables", "functions", "queries",
            "declare", "unit", "sequential", "sequentialmaxpriority", "sequentialminpriority", "escapequotes",
            "numericdisabled", "notes", "salience", "duration", "timer", "enabled", "calendars", "no-loop",
            "lock-on-active", "auto-focus", "activation-group", "agenda-group", "ruleflow-group", "date-effective",
            "date-expires", "complete");

    /**
     * A column of a rule table.
     *
     * @param index      0-based column index
     * @param keyword    the normalised keyword, such as {@code CONDITION}, or empty if the cell is not one
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

        /** The label if there is one, else the keyword as written. */
        public String header() {
            return label.isBlank() ? rawKeyword.strip() : label.strip();
        }
    }

    /**
     * One rule table.
     *
     * @param sheet       the sheet it is on
     * @param name        the table's name
     * @param row         the 0-based row of the {@code RuleTable} cell
     * @param firstColumn the 0-based column of the {@code RuleTable} cell
     * @param columns     its columns, left to right
     * @param dataRows    0-based rows of its rules
     * @param ignoredRows 0-based rows after a blank row that Drools will not read as rules
     * @param complete    the analyst marked the table complete: every input must be covered by a row
     */
    public record Table(SheetGrid sheet, String name, int row, int firstColumn, List<Column> columns,
                        List<Integer> dataRows, List<Integer> ignoredRows, boolean complete) {

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
    }

    private final String file;
    private final List<SheetGrid> sheets;
    private final String packageName;
    private final List<String> imports;
    private final boolean sequential;
    private final List<Table> tables;

    private DecisionTable(String file, List<SheetGrid> sheets, String packageName, List<String> imports,
                          boolean sequential, List<Table> tables) {
        this.file = file;
        this.sheets = sheets;
        this.packageName = packageName;
        this.imports = imports;
        this.sequential = sequential;
        this.tables = tables;
    }

    /** Finds the RuleSet settings and the rule tables in the sheets of a file. */
    public static DecisionTable parse(String file, List<SheetGrid> sheets) {
        String packageName = "";
        List<String> imports = new ArrayList<>();
        boolean sequential = false;
        Set<String> completeTables = new java.util.HashSet<>();
        List<Table> tables = new ArrayList<>();
        for (SheetGrid sheet : sheets) {
            for (int r : sheet.rowNumbers()) {
                for (Map.Entry<Integer, String> cell : sheet.row(r).entrySet()) {
                    String text = cell.getValue().strip();
                    String lower = text.toLowerCase(Locale.ROOT);
                    String value = sheet.cell(r, cell.getKey() + 1).strip();
                    if (lower.equals("ruleset")) {
                        packageName = value;
                    } else if (lower.equals("import")) {
                        for (String i : value.split(",")) {
                            if (!i.isBlank()) {
                                imports.add(i.strip());
                            }
                        }
                    } else if (lower.equals("sequential")) {
                        sequential = value.equalsIgnoreCase("true");
                    } else if (lower.equals("complete")) {
                        for (String t : value.split(",")) {
                            completeTables.add(t.strip().toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            for (int r : sheet.rowNumbers()) {
                for (Map.Entry<Integer, String> cell : sheet.row(r).entrySet()) {
                    String text = cell.getValue().strip();
                    if (text.regionMatches(true, 0, "RuleTable", 0, 9)) {
                        tables.add(table(sheet, r, cell.getKey(), text.substring(9).strip(), completeTables));
                    }
                }
            }
        }
        return new DecisionTable(file, sheets, packageName, List.copyOf(imports), sequential, List.copyOf(tables));
    }

    private static Table table(SheetGrid sheet, int row, int col, String name, Set<String> completeTables) {
        List<Column> columns = new ArrayList<>();
        int keywordRow = row + 1;
        int lastColumn = sheet.row(keywordRow).isEmpty() ? col : Math.max(col, sheet.row(keywordRow).lastKey());
        for (int c = col; c <= lastColumn; c++) {
            String raw = sheet.cell(keywordRow, c);
            if (raw.isEmpty()) {
                continue;
            }
            String keyword = KEYWORDS.getOrDefault(raw.strip().toUpperCase(Locale.ROOT), "");
            columns.add(new Column(c, keyword, raw, sheet.cell(row + 2, c), sheet.cell(row + 3, c),
                    sheet.cell(row + 4, c)));
        }
        List<Integer> dataRows = new ArrayList<>();
        List<Integer> ignored = new ArrayList<>();
        int r = row + 5;
        while (r <= sheet.lastRow() && !sheet.isBlank(r) && !startsTable(sheet, r)) {
            dataRows.add(r++);
        }
        // Drools ends a table at its first blank row: rows that follow, before the next table, are lost.
        for (int s : sheet.rowNumbers().tailSet(r, true)) {
            if (startsTable(sheet, s) || startsRuleSet(sheet, s)) {
                break;
            }
            if (!sheet.isBlank(s) && looksLikeRuleRow(sheet, s, columns)) {
                ignored.add(s);
            }
        }
        return new Table(sheet, name, row, col, List.copyOf(columns), List.copyOf(dataRows), List.copyOf(ignored),
                completeTables.contains(name.toLowerCase(Locale.ROOT)));
    }

    private static boolean startsTable(SheetGrid sheet, int r) {
        for (String v : sheet.row(r).values()) {
            if (v.strip().regionMatches(true, 0, "RuleTable", 0, 9)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsRuleSet(SheetGrid sheet, int r) {
        for (String v : sheet.row(r).values()) {
            if (RULESET_KEYWORDS.contains(v.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeRuleRow(SheetGrid sheet, int r, List<Column> columns) {
        for (Column c : columns) {
            if (!sheet.cell(r, c.index()).isBlank()) {
                return true;
            }
        }
        return false;
    }

    public String file() {
        return file;
    }

    public List<SheetGrid> sheets() {
        return sheets;
    }

    public String packageName() {
        return packageName;
    }

    public List<String> imports() {
        return imports;
    }

    public boolean sequential() {
        return sequential;
    }

    public List<Table> tables() {
        return tables;
    }
}
