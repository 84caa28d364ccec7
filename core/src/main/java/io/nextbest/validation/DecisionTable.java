package io.nextbest.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;
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
            SheetReading reading = SheetReading.read(sheets.get(i));
            boolean read = i == 0 || everySheet;
            (read ? tables : unread).addAll(reading.tables());
            settings.put(sheets.get(i).name(), reading.settings());
        }
        return new DecisionTable(file, sheets, List.copyOf(tables), List.copyOf(unread), settings);
    }

    /** Drools' test for a cell that starts a rule table: {@code RuleTable}, alone or followed by a space and a name. */
    static boolean isRuleTable(String cell) {
        String v = cell.trim().toLowerCase(Locale.ROOT);
        return v.equals("ruletable") || v.startsWith("ruletable ");
    }

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
        CellReference at = new CellReference(ref);
        Table found = null;
        for (Table t : tables) {
            if (t.sheet().name().equals(sheet) && t.row() <= at.getRow() && (found == null || t.row() > found.row())) {
                found = t;
            }
        }
        Column c = found == null || at.getRow() == found.row() ? null : found.at(at.getCol());
        return c == null ? "" : c.header();
    }

    /** The settings of a sheet's RuleSet area. */
    Settings settings(SheetGrid sheet) {
        return settings.get(sheet.name());
    }
}
