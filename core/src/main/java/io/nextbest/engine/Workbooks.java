package io.nextbest.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.hssf.usermodel.HSSFEvaluationWorkbook;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaParsingWorkbook;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.ptg.AreaI;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens the workbook of a decision table ({@code .drl.xls}, {@code .drl.xlsx}) for Drools' Excel parser,
 * which the engine and the validator both read it with.
 */
public final class Workbooks {
    /** Exceptions that mean a fault in the code reading the file, whose text would tell a person nothing. */
    private static final Set<Class<? extends Throwable>> FAULTS = Set.of(NullPointerException.class,
            ClassCastException.class, IndexOutOfBoundsException.class, ArrayIndexOutOfBoundsException.class,
            StringIndexOutOfBoundsException.class, ArithmeticException.class, NegativeArraySizeException.class,
            IllegalStateException.class, UnsupportedOperationException.class);

    /**
     * The most cells the ranges of one formula may cover. Drools works out every formula of a workbook
     * as it reads it, and POI takes about as long as the range is big: COUNTBLANK over a whole sheet
     * (17 billion cells) took a minute for each reading of the workbook.
     */
    static final long MAX_FORMULA_CELLS = 100_000_000L;

    private Workbooks() {
    }

    /** POI cannot open the file, or refuses it; the message says why in the words of the person who saved it. */
    static final class Unopened extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Unopened(String reason, Throwable cause) {
            super("cannot be opened as a workbook: " + reason, cause);
            this.reason = reason;
        }

        /** Why, without the words around it. */
        String reason() {
            return reason;
        }
    }

    /** A formula refers to more cells than Drools can work out in reasonable time; the message names its cell. */
    static final class TooBig extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooBig(String message) {
            super(message);
        }
    }

    /**
     * The workbook in {@code content}, ready for Drools' parser.
     *
     * @throws IllegalArgumentException if POI cannot open it, saying why in words for the person who
     *                                  saved the file rather than in POI's exception names; or if a
     *                                  formula refers to more cells than can be worked out in reasonable
     *                                  time, naming its sheet and cell
     */
    public static Workbook open(byte[] content) {
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw new Unopened(reason(e), e);
        }
        for (Sheet sheet : workbook) {
            fillMergedStarts(sheet);
        }
        String tooBig = formulaOverTooManyCells(workbook);
        if (tooBig != null) {
            try {
                workbook.close();
            } catch (IOException e) {
                // read from memory: nothing to release but memory
            }
            throw new TooBig(tooBig);
        }
        return workbook;
    }

    /** Where a formula refers to more than {@link #MAX_FORMULA_CELLS} cells, and how many; null if none does. */
    private static String formulaOverTooManyCells(Workbook workbook) {
        FormulaParsingWorkbook parsing = workbook instanceof XSSFWorkbook x ? XSSFEvaluationWorkbook.create(x)
                : workbook instanceof HSSFWorkbook h ? HSSFEvaluationWorkbook.create(h) : null;
        for (int s = 0; s < workbook.getNumberOfSheets() && parsing != null; s++) {
            for (Row row : workbook.getSheetAt(s)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        long cells = cellsReferred(cell.getCellFormula(), parsing, s);
                        if (cells > MAX_FORMULA_CELLS) {
                            return String.format(Locale.ROOT, "sheet %s, cell %s: the formula =%s refers to %,d cells; "
                                            + "Drools works out every formula as it reads the workbook, and one formula may "
                                            + "refer to %,d at most", workbook.getSheetName(s),
                                    cell.getAddress().formatAsString(), cell.getCellFormula(), cells, MAX_FORMULA_CELLS);
                        }
                    }
                }
            }
        }
        return null;
    }

    private static long cellsReferred(String formula, FormulaParsingWorkbook workbook, int sheet) {
        long cells = 0;
        try {
            for (Ptg ptg : FormulaParser.parse(formula, workbook, FormulaType.CELL, sheet)) {
                if (ptg instanceof AreaI area) {
                    cells += (long) (area.getLastRow() - area.getFirstRow() + 1)
                            * (area.getLastColumn() - area.getFirstColumn() + 1);
                }
            }
        } catch (RuntimeException e) {
            return 0; // POI cannot work out a formula it cannot parse: Drools then takes the value saved with it
        }
        return cells;
    }

    /**
     * Drools' parser reads a merged cell's value from the first cell of its region, and fails with a
     * NullPointerException when that cell was never written, as a workbook saved by other tools than
     * Excel may have it: such a cell is blank, so it is made blank.
     */
    private static void fillMergedStarts(Sheet sheet) {
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            Row row = sheet.getRow(region.getFirstRow());
            if (row == null) {
                row = sheet.createRow(region.getFirstRow());
            }
            if (row.getCell(region.getFirstColumn()) == null) {
                row.createCell(region.getFirstColumn());
            }
        }
    }

    /** The innermost cause's message, which says what is wrong with the file (POI's wrappers only name the cause). */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank() || FAULTS.contains(cause.getClass())) {
            return "the file is damaged, or is not an Excel workbook";
        }
        return message.strip().lines().findFirst().orElse("").replaceFirst("^error: ", "");
    }
}
