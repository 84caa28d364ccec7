package io.nextbest.validation.conformance;

import io.nextbest.RulePack.RuleFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * A workbook for the corpus, written the way an analyst fills one in: each sheet as lines of CSV (a
 * cell that reads as a plain number becomes a number cell, one that starts with {@code =} a formula),
 * then cells given a type or a format of their own, and merged ranges.
 */
final class Book {
    private final boolean xls;
    private final Workbook workbook;
    private Sheet sheet;

    private Book(boolean xls) {
        this.xls = xls;
        this.workbook = xls ? new HSSFWorkbook() : new XSSFWorkbook();
    }

    static Book xlsx() {
        return new Book(false);
    }

    static Book xls() {
        return new Book(true);
    }

    /** A new sheet whose rows are the lines of {@code csv}. */
    Book sheet(String name, String csv) {
        sheet = workbook.createSheet(name);
        CsvLineParser parser = new CsvLineParser();
        String[] lines = csv.split("\n", -1);
        for (int r = 0; r < lines.length; r++) {
            List<String> cells = lines[r].isEmpty() ? List.of() : parser.parse(lines[r]);
            for (int c = 0; c < cells.size(); c++) {
                String v = cells.get(c);
                if (v.isEmpty()) {
                    continue;
                }
                Cell cell = cell(r, c);
                if (v.matches("-?\\d+(\\.\\d+)?") && v.length() < 15) {
                    cell.setCellValue(Double.parseDouble(v));
                } else if (v.startsWith("=")) {
                    cell.setCellFormula(v.substring(1));
                } else {
                    cell.setCellValue(v.replace("\\n", "\n"));
                }
            }
        }
        return this;
    }

    /** Sets a cell of the current sheet, such as {@code D12}, to a number, a true/false, a date or a text. */
    Book cell(String ref, Object value) {
        CellReference at = new CellReference(ref);
        Cell cell = cell(at.getRow(), at.getCol());
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC)));
            format(ref, "d-mmm-yyyy");
        } else {
            cell.setCellValue(value.toString());
        }
        return this;
    }

    /** Gives a cell of the current sheet a number format, such as {@code 0%} or {@code $#,##0}. */
    Book format(String ref, String format) {
        CellReference at = new CellReference(ref);
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        cell(at.getRow(), at.getCol()).setCellStyle(style);
        return this;
    }

    /** Merges a range of the current sheet, such as {@code C8:D8}; the range keeps its first cell's text. */
    Book merge(String range) {
        CellRangeAddress merged = CellRangeAddress.valueOf(range);
        for (int r = merged.getFirstRow(); r <= merged.getLastRow(); r++) {
            for (int c = merged.getFirstColumn(); c <= merged.getLastColumn(); c++) {
                cell(r, c); // Excel keeps every covered cell, blank
            }
        }
        sheet.addMergedRegion(merged);
        return this;
    }

    RuleFile file(String name) {
        if (!name.endsWith(xls ? ".xls" : ".xlsx")) {
            throw new IllegalArgumentException(name + " does not end in " + (xls ? ".xls" : ".xlsx"));
        }
        try (Workbook wb = workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return new RuleFile(name, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    private Cell cell(int r, int c) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        return row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
    }
}
