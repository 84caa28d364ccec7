package io.nextbest.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

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

    private Workbooks() {
    }

    /**
     * The workbook in {@code content}, ready for Drools' parser.
     *
     * @throws IllegalArgumentException if POI cannot open it, saying why in words for the person who
     *                                  saved the file rather than in POI's exception names
     */
    public static Workbook open(byte[] content) {
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot be opened as a workbook: " + reason(e), e);
        }
        for (Sheet sheet : workbook) {
            fillMergedStarts(sheet);
        }
        return workbook;
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
    private static String reason(Throwable e) {
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
