package io.nextbest.engine;

import io.nextbest.RuleProblem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What stops Drools reading a decision table (before any DRL is compiled), placed at the cell Drools
 * names, in the analyst's words first and Drools' own after them.
 */
final class ReadingProblems {
    static final String NO_RULE_TABLE = "has no RuleTable on any sheet, so Drools would make no rules of it";

    private static final Pattern CELL = Pattern.compile(
            "(?:in cell|at cell|above cell|Data cell|Code description in cell) ([A-Z]+\\d+)");
    private static final Pattern CELLS = Pattern.compile("in cells \\[(.*)]");
    private static final Pattern ROW = Pattern.compile("on row: (\\d+)");
    private static final Pattern VARIABLES = Pattern.compile("But it was: \\[(.*)]", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("Invalid numeric value for option: (\\S+)");

    private ReadingProblems() {
    }

    /** The file is not a workbook POI can open, or POI refuses it. */
    static RuleProblem ofUnreadable(String file, Throwable e) {
        if (e instanceof Workbooks.TooBig) {
            return new RuleProblem(file, "", "is not a valid decision table: " + e.getMessage());
        }
        // Workbooks' words, without POI's wrappers, and without the text of an exception POI did not catch.
        String cause = e instanceof Workbooks.Unopened u ? u.reason() : Workbooks.reason(e);
        String plain;
        if (cause.contains("Zip bomb")) {
            plain = "POI, which Drools reads workbooks with, refuses this file as a possible zip bomb: a part of it "
                    + "expands more than 100 times, beyond the limit Drools sets (drools.excelParser.minInflateRatio, "
                    + "0.01). Look for a sheet of very long repeated text, delete it and save the workbook again";
        } else {
            plain = "cannot be read as a workbook (.xls or .xlsx); a CSV table must be named .drl.csv";
        }
        return new RuleProblem(file, "", plain + ". POI says: " + cause);
    }

    /** Drools' reading of a sheet threw: the problem at the cell or row its message names. */
    static RuleProblem ofReading(String file, SheetCells cells, Throwable e) {
        return ofReading(file, cells, e, List.of());
    }

    /**
     * Drools' reading of a sheet threw: the problem at the cell or row its message names.
     * {@code tableSheets} are the workbook's sheets that hold rule tables, which Drools did not read.
     */
    static RuleProblem ofReading(String file, SheetCells cells, Throwable e, List<String> tableSheets) {
        if (isUnreadable(e)) {
            return ofUnreadable(file, e);
        }
        String drools = RuleSources.message(e);
        String sheet = cells.sheet().isEmpty() ? "" : "sheet " + cells.sheet();
        if (drools.contains("No RuleTable cells")) {
            String plain;
            if (!tableSheets.isEmpty()) {
                plain = "Drools reads a workbook's first sheet, " + cells.sheet() + ", which has no RuleTable: the "
                        + "tables are on " + String.join(", ", tableSheets) + ". Move them to the first sheet, or "
                        + "write sheets=all in the pack's pack.properties to read every sheet";
            } else {
                plain = "has no RuleTable, so Drools would make no rules of it (the data of a rule template needs "
                        + "its template, which packs do not use)";
            }
            return new RuleProblem(file, sheet, plain + ". Drools says: " + drools);
        }
        int[] at = placeOf(drools, cells);
        String plain = plain(drools, cells, at);
        if (at == null) {
            return new RuleProblem(file, sheet, "Drools cannot read the table. Drools says: " + drools);
        }
        return new RuleProblem(file, TablePlaces.location(cells, at[0], at[1]), plain + ". Drools says: " + drools);
    }

    /** The cell a reading error belongs at: the one its message names, or the code cell of a column without code. */
    private static int[] placeOf(String drools, SheetCells cells) {
        Matcher cell = CELL.matcher(drools);
        if (cell.find()) {
            int[] at = SheetCells.at(cell.group(1));
            if (drools.startsWith("Data cell") || drools.startsWith("No code snippet")) {
                // The column has values but nothing to put them in: its code cell is what to fix.
                SheetCells.Table table = cells.tableAbove(at[0]);
                return table == null ? at : new int[] {table.templateRow(), at[1]};
            }
            return at;
        }
        Matcher many = CELLS.matcher(drools);
        if (many.find()) {
            String[] refs = many.group(1).split(",");
            return SheetCells.at(refs[refs.length - 1].strip());
        }
        Matcher row = ROW.matcher(drools);
        if (row.find()) {
            int r = Integer.parseInt(row.group(1));
            SheetCells.Table table = cells.tableAbove(r);
            return new int[] {r, table == null ? 0 : table.column()};
        }
        Matcher variables = VARIABLES.matcher(drools);
        if (variables.find()) {
            for (SheetCells.Setting s : cells.settings("Variables")) {
                if (s.value().equals(variables.group(1))) {
                    return new int[] {s.row(), s.column()};
                }
            }
        }
        Matcher option = OPTION.matcher(drools);
        if (option.find()) {
            List<SheetCells.Setting> settings = cells.settings(option.group(1));
            if (!settings.isEmpty()) {
                return new int[] {settings.get(0).row(), settings.get(0).column()};
            }
        }
        return null;
    }

    private static String plain(String drools, SheetCells cells, int[] at) {
        String value = at == null ? "" : cells.cell(at[0], at[1]);
        if (drools.startsWith("Invalid column header")) {
            return "'" + value + "' is not a column keyword: write CONDITION, ACTION, NAME, DESCRIPTION, PRIORITY, "
                    + "METADATA or an attribute such as AGENDA-GROUP (Drools reads any other word by its first "
                    + "letter, so no word starting with " + (value.isEmpty() ? "it" : value.substring(0, 1))
                    + " will do)";
        }
        if (drools.startsWith("Maximum number of")) {
            return "a table takes one " + value + " column at most, and this is another";
        }
        if (drools.startsWith("It looks like you have snippets")) {
            return "this row is for the fact each condition reads (such as $p : Person), but the cell holds a snippet "
                    + "with $param: insert a row for the facts above the snippets";
        }
        if (drools.startsWith("Code description in cell")) {
            return "'" + value + "' is in a column with no keyword above it: Drools reads every cell right of the "
                    + "RuleTable cell as part of the table, down to a blank row, and stops here. Move the note out "
                    + "of the table, or give its column a keyword";
        }
        if (drools.startsWith("Data cell") || drools.startsWith("No code snippet")) {
            return "the column has values but no code snippet: write the code that uses them, with $param where a "
                    + "cell's value goes";
        }
        if (drools.startsWith("Unexpected content")) {
            return "this column takes no code snippet: leave the cell blank";
        }
        if (drools.startsWith("Priority is not an integer")) {
            return value.matches("-?\\d+") ? "'" + value + "' is outside the range of a PRIORITY (salience), "
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : "'" + value + "' is not a whole number: a "
                    + "PRIORITY (salience) is one, or an expression in parentheses";
        }
        if (drools.startsWith("Duration is not an integer")) {
            return "'" + value + "' is not a whole number: a DURATION is a number of milliseconds";
        }
        if (drools.startsWith("Multiple values for")) {
            return "this setting is given twice in the RuleSet area, and Drools takes one value for it: keep one";
        }
        if (drools.startsWith("Salience less than the minimum")) {
            return "Sequential gives each row a salience one lower than the row above, starting at "
                    + "SequentialMaxPriority, and this row's would fall below SequentialMinPriority: widen the range";
        }
        if (drools.startsWith("The format for global variables")) {
            return "each Variables entry is a type and a name, such as java.util.List audit, separated by commas";
        }
        if (drools.startsWith("Invalid numeric value")) {
            return "this setting takes a whole number";
        }
        return "Drools cannot read the table at this cell";
    }

    private static boolean isUnreadable(Throwable e) {
        Throwable root = rootCause(e);
        return RuleSources.message(e).startsWith("Failed to open Excel stream") || root instanceof java.io.IOException
                || root.getClass().getName().startsWith("org.apache.poi");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
