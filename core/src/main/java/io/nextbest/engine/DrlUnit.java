package io.nextbest.engine;

import java.util.Map;
import java.util.NavigableMap;

/**
 * One file of a rule pack as DRL: a DRL file as written, or the DRL Drools generates from a decision
 * table (one sheet of it), with the way back from DRL lines and rule names to places an analyst can find.
 *
 * @param file        the pack file's name
 * @param packageName the DRL package
 * @param drl         the DRL text
 * @param places      for each DRL line that starts a rule, where that rule is written
 *                    ({@code row 14}, {@code sheet Oslo, row 14} or {@code line 8}), and in a table's
 *                    DRL for each line of its settings (package, imports...), the row of the
 *                    setting; lines between belong to the entry above
 * @param rules       for each rule name, where it is written
 * @param cells       for a table, the cells of the sheet the DRL was generated from; null for a DRL file
 */
record DrlUnit(String file, String packageName, String drl, NavigableMap<Integer, String> places,
               Map<String, String> rules, SheetCells cells) {

    /** Where the given DRL line is written, as close as it can be told. */
    String placeOf(int drlLine) {
        Map.Entry<Integer, String> e = places.floorEntry(drlLine);
        return e == null ? (isTable() ? "" : "line " + drlLine) : isTable() ? e.getValue() : "line " + drlLine;
    }

    boolean isTable() {
        return cells != null;
    }
}
