package io.nextbest.benchmarks.fuzz;

import io.nextbest.RulePack.RuleFile;
import io.nextbest.validation.SheetGrid;
import io.nextbest.validation.Spreadsheets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Mutations of an XLSX decision table at three depths: the cells of its CSV twin changed and written
 * through POI ({@link Spreadsheets#csvToXlsx}); the workbook opened with POI and given cells of every
 * type (numbers, booleans, formulas, errors, dates, rich text), merged regions, sheets added, copied,
 * hidden or removed; and the zip itself, one XML part edited or its raw bytes mutated.
 */
final class WorkbookMutations {
    private static final List<String> FORMULAS = List.of("1+1", "A1", "B2&\"x\"", "1/0", "SUM(A1:A3)", "NOW()",
            "\"RuleTable Formula\"", "INDIRECT(\"A1\")", "COUNTBLANK(A1:XFD1048576)", "SUM(A:A)", "NA()",
            "REPT(\"x\",32767)", "TEXT(1,\"0.00\")", "IF(TRUE,\"CONDITION\",\"ACTION\")");
    private static final Pattern CELL_TYPE = Pattern.compile("t=\"[a-zA-Z]+\"");
    private static final Pattern CELL_REF = Pattern.compile("r=\"[A-Z]+\\d+\"");
    private static final Pattern VALUE = Pattern.compile("<v>[^<]*</v>");
    private static final List<String> TYPES = List.of("t=\"n\"", "t=\"b\"", "t=\"e\"", "t=\"str\"", "t=\"inlineStr\"",
            "t=\"s\"", "t=\"x\"", "t=\"d\"");
    private static final List<String> REFS = List.of("r=\"A0\"", "r=\"A1\"", "r=\"ZZZZ9\"", "r=\"XFE1\"",
            "r=\"A1048577\"", "r=\"B5\"", "r=\"\"", "r=\"a1\"");
    private static final List<String> VALUES = List.of("<v></v>", "<v>99999</v>", "<v>-1</v>", "<v>1e309</v>",
            "<v>NaN</v>", "<v>x</v>", "<v>2147483648</v>", "<v>0.5</v>", "<v>#REF!</v>", "<v>1</v>");

    private static final String FIXED_TIME = "2026-01-01T00:00:00Z";
    private static final long FIXED_MILLIS = Instant.parse(FIXED_TIME).toEpochMilli();
    private static final Pattern STAMP = Pattern.compile("(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)");

    /** A seed: the CSV twin it was made from, the workbook's bytes and its zip entries. */
    record Seed(RuleFile csv, String sheet, RuleFile xlsx, Map<String, byte[]> entries) {
        static Seed of(RuleFile csv, String sheet) {
            RuleFile made = Spreadsheets.csvToXlsx(csv, sheet);
            RuleFile xlsx = new RuleFile(made.name(), stable(made.content()));
            return new Seed(csv, sheet, xlsx, unzip(xlsx.content()));
        }
    }

    private WorkbookMutations() {
    }

    static byte[] mutate(Seed seed, List<byte[]> otherCsvs, List<byte[]> otherWorkbooks, SplittableRandom random,
                         StringBuilder how) {
        int kind = random.nextInt(20);
        if (kind < 8) {
            byte[] csv = CsvMutations.mutate(seed.csv().content(), otherCsvs, random, how);
            try {
                return stable(Spreadsheets.csvToXlsx(new RuleFile(seed.csv().name(), csv), seed.sheet()).content());
            } catch (RuntimeException e) {
                // A CSV that Drools cannot read has no workbook twin: mutate the workbook instead.
                ByteMutations.note(how, "(no workbook of that CSV)");
            }
        }
        if (kind < 14) {
            return throughPoi(seed.xlsx().content(), random, how);
        }
        if (kind < 17) {
            return zipPart(seed.entries(), otherCsvs, random, how);
        }
        ByteMutations.note(how, "raw zip bytes");
        return ByteMutations.mutate(seed.xlsx().content(), otherWorkbooks, random, how);
    }

    private static byte[] throughPoi(byte[] xlsx, SplittableRandom random, StringBuilder how) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int times = 1 + random.nextInt(3);
            for (int i = 0; i < times; i++) {
                poiOnce(wb, random, how);
            }
            wb.write(out);
            return stable(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void poiOnce(XSSFWorkbook wb, SplittableRandom random, StringBuilder how) {
        if (wb.getNumberOfSheets() == 0) {
            wb.createSheet("Empty");
        }
        int index = random.nextInt(wb.getNumberOfSheets());
        Sheet sheet = wb.getSheetAt(index);
        int r = random.nextInt(Math.max(1, sheet.getLastRowNum() + 3));
        int c = random.nextInt(20);
        String ref = "sheet " + index + " cell " + SheetGrid.ref(r, c);
        switch (random.nextInt(12)) {
            case 0, 1, 2 -> {
                String v = CsvMutations.CELLS.get(random.nextInt(CsvMutations.CELLS.size()));
                cell(sheet, r, c).setCellValue(v);
                ByteMutations.note(how, ref + " := text '" + JsonMutations.shorten(v) + "'");
            }
            case 3 -> {
                double v = List.of(-1.0, 0.0, 0.5, 1e308, Double.NaN, Double.POSITIVE_INFINITY, 12.0, 1e-300,
                        2147483648.0).get(random.nextInt(9));
                cell(sheet, r, c).setCellValue(v);
                ByteMutations.note(how, ref + " := number " + v);
            }
            case 4 -> {
                boolean v = random.nextBoolean();
                cell(sheet, r, c).setCellValue(v);
                ByteMutations.note(how, ref + " := " + v);
            }
            case 5 -> {
                String f = FORMULAS.get(random.nextInt(FORMULAS.size()));
                try {
                    cell(sheet, r, c).setCellFormula(f);
                    ByteMutations.note(how, ref + " := formula =" + f);
                } catch (RuntimeException e) {
                    ByteMutations.note(how, ref + " formula =" + f + " refused by POI");
                }
            }
            case 6 -> {
                FormulaError e = FormulaError.values()[random.nextInt(FormulaError.values().length)];
                cell(sheet, r, c).setCellErrorValue(e.getCode());
                ByteMutations.note(how, ref + " := error " + e.getString());
            }
            case 7 -> {
                Cell cell = cell(sheet, r, c);
                if (random.nextBoolean()) {
                    CellStyle date = wb.createCellStyle();
                    date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
                    cell.setCellValue(46349.25);
                    cell.setCellStyle(date);
                    ByteMutations.note(how, ref + " := a date");
                } else {
                    XSSFRichTextString rich = new XSSFRichTextString("CONDITION \u201Cbold\u201D");
                    rich.applyFont(0, 4, wb.createFont());
                    cell.setCellValue(rich);
                    ByteMutations.note(how, ref + " := rich text");
                }
            }
            case 8 -> {
                Row row = sheet.getRow(r);
                if (row != null) {
                    if (random.nextBoolean()) {
                        sheet.removeRow(row);
                        ByteMutations.note(how, "sheet " + index + " row " + (r + 1) + " removed");
                    } else if (row.getCell(c) != null) {
                        row.removeCell(row.getCell(c));
                        ByteMutations.note(how, ref + " removed");
                    }
                }
            }
            case 9 -> {
                int width = 1 + random.nextInt(4);
                int height = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 1;
                // Unsafe: overlapping regions are what a hand-edited workbook may hold, and POI would refuse them.
                sheet.addMergedRegionUnsafe(new CellRangeAddress(r, r + height - 1, c, c + width));
                ByteMutations.note(how, "sheet " + index + " merge " + SheetGrid.ref(r, c) + ":"
                        + SheetGrid.ref(r + height - 1, c + width));
            }
            case 10 -> {
                switch (random.nextInt(5)) {
                    case 0 -> {
                        wb.cloneSheet(index);
                        ByteMutations.note(how, "sheet " + index + " copied");
                    }
                    case 1 -> {
                        wb.createSheet();
                        wb.setSheetOrder(wb.getSheetName(wb.getNumberOfSheets() - 1), 0);
                        ByteMutations.note(how, "an empty sheet first");
                    }
                    case 2 -> {
                        wb.setSheetHidden(index, true);
                        ByteMutations.note(how, "sheet " + index + " hidden");
                    }
                    case 3 -> {
                        wb.removeSheetAt(index);
                        ByteMutations.note(how, "sheet " + index + " removed");
                    }
                    default -> {
                        String name = List.of("Sheet 1", "ÄÖÜ", "x".repeat(31), "'quoted", "RuleTable", "1")
                                .get(random.nextInt(6));
                        try {
                            wb.setSheetName(index, name);
                            ByteMutations.note(how, "sheet " + index + " renamed '" + name + "'");
                        } catch (IllegalArgumentException e) {
                            ByteMutations.note(how, "sheet " + index + " name '" + name + "' refused by POI");
                        }
                    }
                }
            }
            default -> {
                int far = random.nextBoolean() ? 1_048_575 : 60_000;
                String v = CsvMutations.CELLS.get(random.nextInt(CsvMutations.CELLS.size()));
                int column = random.nextBoolean() ? 16_383 : c;
                cell(sheet, far, column).setCellValue(v);
                ByteMutations.note(how, "sheet " + index + " cell " + SheetGrid.ref(far, column) + " := '"
                        + JsonMutations.shorten(v) + "'");
            }
        }
    }

    private static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        return row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
    }

    /** One part of the zip changed: an XML edit that keeps it well-formed, or byte mutations, or the part gone. */
    private static byte[] zipPart(Map<String, byte[]> entries, List<byte[]> others, SplittableRandom random,
                                  StringBuilder how) {
        List<String> names = new ArrayList<>(entries.keySet());
        String name = random.nextBoolean() ? "xl/worksheets/sheet1.xml"
                : random.nextBoolean() ? "xl/sharedStrings.xml" : names.get(random.nextInt(names.size()));
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        int kind = random.nextInt(10);
        if (kind == 0) {
            changed.remove(name);
            ByteMutations.note(how, "zip part " + name + " removed");
        } else if (kind < 5) {
            String xml = new String(entries.get(name), java.nio.charset.StandardCharsets.UTF_8);
            String edited = switch (random.nextInt(3)) {
                case 0 -> replaceOne(xml, CELL_TYPE, TYPES, random);
                case 1 -> replaceOne(xml, CELL_REF, REFS, random);
                default -> replaceOne(xml, VALUE, VALUES, random);
            };
            ByteMutations.note(how, "zip part " + name + " XML edited");
            changed.put(name, edited.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            ByteMutations.note(how, "zip part " + name + ":");
            changed.put(name, ByteMutations.mutate(entries.get(name), others, random, how));
        }
        return zip(changed);
    }

    private static String replaceOne(String xml, Pattern pattern, List<String> replacements, SplittableRandom random) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = pattern.matcher(xml);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return xml;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return xml.substring(0, span[0]) + replacements.get(random.nextInt(replacements.size())) + xml.substring(span[1]);
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The workbook with the same bytes at every run: POI stamps the time it wrote a workbook into its properties and
     * its zip entries, so a mutation of its raw bytes (flip bit 2 of byte 3060) would hit other content at another
     * time, and {@code --input N} would not make the input the run read.
     */
    static byte[] stable(byte[] xlsx) {
        Map<String, byte[]> entries = unzip(xlsx);
        entries.replaceAll((name, part) -> name.equals("docProps/core.xml")
                ? STAMP.matcher(new String(part, StandardCharsets.UTF_8)).replaceAll("$1" + FIXED_TIME + "$2")
                        .getBytes(StandardCharsets.UTF_8)
                : part);
        return zip(entries);
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(FIXED_MILLIS);
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
