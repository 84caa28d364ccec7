package io.nextbest.validation;

import io.nextbest.RulePack.RuleFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Decision-table files as spreadsheets: their cells as Drools reads them, and a CSV table turned into
 * the same table as an XLSX workbook.
 */
public final class Spreadsheets {
    private Spreadsheets() {
    }

    /**
     * The sheets of a {@code .drl.csv}, {@code .drl.xls} or {@code .drl.xlsx} file, read with Drools' own
     * parsers, so that a cell holds what Drools reads there (a CSV file is one sheet without a name).
     */
    public static List<SheetGrid> read(RuleFile file) {
        return GridReader.read(file);
    }

    /**
     * A CSV table spans one pattern over several condition columns by writing {@code Fact...} in each
     * of their pattern cells; a workbook does it by merging those cells, with the pattern written once.
     */
    private static void mergePatterns(Sheet sheet, SheetGrid grid) {
        for (int r = 0; r <= grid.lastRow(); r++) {
            Map<Integer, Integer> ends = new java.util.TreeMap<>();
            for (int c : grid.row(r).keySet()) {
                int start = grid.mergedStart(r, c);
                if (start >= 0) {
                    ends.merge(start, c, Math::max);
                }
            }
            for (Map.Entry<Integer, Integer> range : ends.entrySet()) {
                for (int c = range.getKey() + 1; c <= range.getValue(); c++) {
                    sheet.getRow(r).getCell(c).setCellValue("");
                }
                if (range.getValue() > range.getKey()) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, range.getKey(), range.getValue()));
                }
            }
        }
    }

    /** {@code x.drl.csv} becomes {@code x.drl.xlsx} with one sheet named {@code sheetName}. */
    public static RuleFile csvToXlsx(RuleFile csv, String sheetName) {
        if (!csv.lowerName().endsWith(".drl.csv")) {
            throw new IllegalArgumentException(csv.name() + " is not a .drl.csv decision table");
        }
        List<SheetGrid> grids = GridReader.read(csv);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            SheetGrid grid = grids.get(0);
            for (int r = 0; r <= grid.lastRow(); r++) {
                Row row = sheet.createRow(r);
                for (Map.Entry<Integer, String> cell : grid.row(r).entrySet()) {
                    Cell c = row.createCell(cell.getKey());
                    String v = cell.getValue();
                    if (v.matches("-?\\d+(\\.\\d+)?") && v.length() < 15) {
                        c.setCellValue(Double.parseDouble(v));
                    } else {
                        c.setCellValue(v);
                    }
                }
            }
            mergePatterns(sheet, grid);
            workbook.write(out);
            String name = csv.name().substring(0, csv.name().length() - 4) + ".xlsx";
            return new RuleFile(name, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
