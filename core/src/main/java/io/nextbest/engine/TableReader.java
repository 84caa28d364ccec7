package io.nextbest.engine;

import io.nextbest.RuleProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;

/**
 * Drools' own reading of one sheet of a decision table (a CSV file is one sheet), which also keeps the
 * cells it reads, where each rule table starts and the cells of the RuleSet area, so that problems can
 * be placed at their cell. Where Drools would stop with an error, the reader stops listening and keeps
 * the error, so that other readers of the same parse (the validator's grid) can read on.
 */
public final class TableReader extends DefaultRuleSheetListener {
    /** The problem of a workbook read sheet by sheet that has no RuleTable on any sheet. */
    public static final String NO_RULE_TABLE = ReadingProblems.NO_RULE_TABLE;

    private final String file;
    final SheetCells cells;
    private boolean started;
    private boolean finished;
    private RuntimeException failure;

    /**
     * A reader of the sheet {@code sheet} (empty for CSV) of {@code file}; with {@code everySheet}, as
     * Drools reads a sheet it is told to read, with the sheet's name in the rules' generated names.
     */
    public TableReader(String file, String sheet, boolean everySheet) {
        this.file = file;
        this.cells = new SheetCells(sheet);
        if (everySheet) {
            setWorksheetName(sheet);
        }
    }

    @Override
    public void newRow(int rowNumber, int columns) {
        started = true;
        if (failure == null) {
            try {
                super.newRow(rowNumber, columns);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        started = true;
        if (failure == null) {
            cells.put(row, column, value, mergedColStart);
            try {
                super.newCell(row, column, value, mergedColStart);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }

    @Override
    protected void preInitRuleTable(int row, int column, String value) {
        cells.tableStarts(row, column);
    }

    @Override
    public void finishSheet() {
        started = true;
        if (failure == null) {
            try {
                super.finishSheet();
                settings();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        finished = true;
    }

    /** The RuleSet area's settings, with their cells, in sheet order. */
    private void settings() {
        List<String[]> found = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> setting : getProperties().entrySet()) {
            for (String[] valueAndCell : setting.getValue()) {
                found.add(new String[] {setting.getKey(), valueAndCell[0], valueAndCell[1]});
            }
        }
        found.sort((a, b) -> {
            int[] x = SheetCells.at(a[2]);
            int[] y = SheetCells.at(b[2]);
            return x == null || y == null ? 0 : x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
        });
        for (String[] s : found) {
            cells.setting(s[0], s[1], s[2]);
        }
    }

    /** True if the parse began this sheet and did not finish it (the sheet a parser's own error is in). */
    boolean interrupted() {
        return started && !finished;
    }

    /**
     * What stops Drools reading the sheet, at the cell its message names, once the sheet is read.
     * {@code otherTableSheets} are the workbook's sheets with rule tables that were not read, for the
     * message when this sheet has none. None if Drools reads the sheet.
     */
    public List<RuleProblem> problems(List<String> otherTableSheets) {
        if (failure == null) {
            try {
                getRuleSet();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        return failure == null ? List.of() : List.of(ReadingProblems.ofReading(file, cells, failure, otherTableSheets));
    }

    /** The DRL Drools generates from the sheet; only once {@link #problems} has none. */
    String drl() {
        return new SpreadsheetCompiler().listenerToString(this);
    }

    /** A file that is not a workbook POI can open, or one POI refuses. */
    public static RuleProblem unreadable(String file, Throwable e) {
        return ReadingProblems.ofUnreadable(file, e);
    }

    /** The sheets with a cell Drools reads as the start of a rule table, in workbook order. */
    public static List<String> sheetsWithRuleTables(Workbook workbook) {
        List<String> names = new ArrayList<>();
        for (Sheet sheet : workbook) {
            if (hasRuleTable(sheet)) {
                names.add(sheet.getSheetName());
            }
        }
        return names;
    }

    /** True if a sheet has a cell Drools reads as the start of a rule table. */
    public static boolean hasRuleTable(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && isRuleTable(cell.getStringCellValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Drools' test for a cell that starts a rule table: {@code RuleTable}, alone or followed by a space and a name. */
    public static boolean isRuleTable(String cell) {
        String v = cell.trim().toLowerCase(Locale.ROOT);
        return v.equals("ruletable") || v.startsWith("ruletable ");
    }
}
