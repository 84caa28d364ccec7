package io.nextbest.validation;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * The cells of one sheet as Drools reads them: text by 0-based row and column. A CSV file is one
 * sheet. Merged cells in a spreadsheet carry the value of their first cell in every cell they cover.
 */
public final class SheetGrid {
    private final String name;
    private final NavigableMap<Integer, NavigableMap<Integer, String>> rows = new TreeMap<>();
    private final NavigableMap<Integer, NavigableMap<Integer, Integer>> mergedStarts = new TreeMap<>();

    SheetGrid(String name) {
        this.name = name;
    }

    /** The sheet's name; empty for a CSV file. */
    public String name() {
        return name;
    }

    /** Drools passes over a cell of only spaces as it does a blank one. */
    void put(int row, int column, String value) {
        if (value != null && !value.isBlank()) {
            rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value);
        }
    }

    void merged(int row, int column, int start) {
        mergedStarts.computeIfAbsent(row, r -> new TreeMap<>()).put(column, start);
    }

    /**
     * The first column of the merged range the cell is in (a CSV {@code Fact...} cell counts as merged
     * with its neighbours), or -1 if the cell is not merged.
     */
    public int mergedStart(int row, int column) {
        NavigableMap<Integer, Integer> r = mergedStarts.get(row);
        Integer start = r == null ? null : r.get(column);
        return start == null ? -1 : start;
    }

    /** The text of a cell; empty if the cell is blank. */
    public String cell(int row, int column) {
        NavigableMap<Integer, String> r = rows.get(row);
        String v = r == null ? null : r.get(column);
        return v == null ? "" : v;
    }

    /** The non-blank cells of a row, by column. */
    public NavigableMap<Integer, String> row(int row) {
        NavigableMap<Integer, String> r = rows.get(row);
        return r == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(r);
    }

    /** True if every cell of the row is blank or white space. */
    public boolean isBlank(int row) {
        for (String v : row(row).values()) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The numbers of the rows that hold a cell, in order: a sheet with a stray cell far down has few of them. */
    public NavigableSet<Integer> rowNumbers() {
        return Collections.unmodifiableNavigableSet(rows.navigableKeySet());
    }

    public int lastRow() {
        return rows.isEmpty() ? -1 : rows.lastKey();
    }

    /** A spreadsheet reference such as {@code D14} for 0-based row and column. */
    public static String ref(int row, int column) {
        return columnLetters(column) + (row + 1);
    }

    public static String columnLetters(int column) {
        StringBuilder sb = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }
}
