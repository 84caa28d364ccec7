package io.nextbest.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.parser.ActionType;
import org.drools.decisiontable.parser.ActionType.Code;
import org.drools.decisiontable.parser.RuleSheetParserUtil;

/**
 * One sheet of a decision table as Drools' reading of it received the cells: their text, trimmed, by
 * 0-based row and column; where each rule table starts; and the RuleSet area's settings with their
 * cells. It is what lets a problem Drools reports in the DRL it generates be placed back at a cell.
 */
final class SheetCells {
    /** A setting of the RuleSet area, such as {@code Import}, with the cell of its value. */
    record Setting(String key, String value, int row, int column) {
    }

    /**
     * A column of a rule table as Drools reads it.
     *
     * @param index         0-based column
     * @param code          what Drools reads the keyword as (it reads an unknown word by its first letter)
     * @param pattern       the object-type cell, or that of the merged range it is in
     * @param patternColumn the column of that cell
     * @param template      the code snippet
     */
    record Column(int index, Code code, String pattern, int patternColumn, String template) {
    }

    /** A rule table: its {@code RuleTable} cell and its columns. */
    record Table(int row, int column, List<Column> columns) {
        int keywordRow() {
            return row + 1;
        }

        int patternRow() {
            return row + 2;
        }

        int templateRow() {
            return row + 3;
        }

        Column at(int column) {
            for (Column c : columns) {
                if (c.index() == column) {
                    return c;
                }
            }
            return null;
        }
    }

    private final String sheet;
    private final NavigableMap<Integer, NavigableMap<Integer, String>> cells = new TreeMap<>();
    private final Map<Long, Integer> mergedStarts = new HashMap<>();
    private final List<int[]> tableStarts = new ArrayList<>();
    private final List<Setting> settings = new ArrayList<>();

    SheetCells(String sheet) {
        this.sheet = sheet;
    }

    /** The sheet's name; empty for a CSV file. */
    String sheet() {
        return sheet;
    }

    void put(int row, int column, String value, int mergedStart) {
        if (value != null && !value.isBlank()) {
            cells.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value.strip());
            if (mergedStart >= 0) {
                mergedStarts.put(key(row, column), mergedStart);
            }
        }
    }

    void tableStarts(int row, int column) {
        tableStarts.add(new int[] {row, column});
    }

    void setting(String key, String value, String ref) {
        int[] at = at(ref);
        if (at != null) {
            settings.add(new Setting(key, value == null ? "" : value, at[0], at[1]));
        }
    }

    String cell(int row, int column) {
        NavigableMap<Integer, String> r = cells.get(row);
        String v = r == null ? null : r.get(column);
        return v == null ? "" : v;
    }

    NavigableMap<Integer, String> row(int row) {
        NavigableMap<Integer, String> r = cells.get(row);
        return r == null ? new TreeMap<>() : r;
    }

    List<Setting> settings() {
        return settings;
    }

    /** The settings of the RuleSet area with this key, such as {@code Functions}, in sheet order. */
    List<Setting> settings(String key) {
        List<Setting> found = new ArrayList<>();
        for (Setting s : settings) {
            if (s.key().equalsIgnoreCase(key)) {
                found.add(s);
            }
        }
        return found;
    }

    /** The rule table whose {@code RuleTable} cell is at the row and column, or null. */
    Table tableAt(int row, int column) {
        for (int[] start : tableStarts) {
            if (start[0] == row && start[1] == column) {
                return table(row, column);
            }
        }
        return null;
    }

    /** The first rule table of the sheet, or null if it has none. */
    Table firstTable() {
        return tableStarts.isEmpty() ? null : table(tableStarts.get(0)[0], tableStarts.get(0)[1]);
    }

    /** The last rule table that starts at or above the row, or null. */
    Table tableAbove(int row) {
        int[] found = null;
        for (int[] start : tableStarts) {
            if (start[0] <= row) {
                found = start;
            }
        }
        return found == null ? null : table(found[0], found[1]);
    }

    private Table table(int row, int column) {
        List<Column> columns = new ArrayList<>();
        Map<Integer, ActionType> types = new HashMap<>();
        for (Map.Entry<Integer, String> keyword : row(row + 1).entrySet()) {
            int c = keyword.getKey();
            if (c < column) {
                continue;
            }
            try {
                ActionType.addNewActionType(types, keyword.getValue(), c, row + 1);
            } catch (RuntimeException e) {
                continue;
            }
            Integer start = mergedStarts.get(key(row + 2, c));
            int patternColumn = start == null ? c : start;
            columns.add(new Column(c, types.get(c).getCode(), cell(row + 2, patternColumn), patternColumn,
                    cell(row + 3, c)));
        }
        return new Table(row, column, List.copyOf(columns));
    }

    /** {@code B12} for 0-based row 11, column 1: Drools' own name of the cell, which its messages use. */
    static String ref(int row, int column) {
        return RuleSheetParserUtil.rc2name(row, column);
    }

    /** The 0-based row and column of a reference such as {@code B12}, or null. */
    static int[] at(String ref) {
        if (ref == null || !ref.matches("[A-Za-z]+\\d+")) {
            return null;
        }
        CellReference cell = new CellReference(ref);
        return new int[] {cell.getRow(), cell.getCol()};
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | column;
    }
}
