package io.nextbest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleSetException;
import io.nextbest.validation.Finding;
import io.nextbest.validation.Spreadsheets;
import io.nextbest.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Workbooks that POI opens, or fails to open, in ways Drools' Excel parser does not expect. */
class WorkbooksTest {
    static final RuleFile TABLE = RuleFile.of("suitability.drl.csv", """
            RuleSet,io.nextbest.test.suitability
            Import,io.nextbest.facts.Situation
            ,
            RuleTable Suitability,
            NAME,CONDITION,ACTION
            ,$s : Situation,
            ,"intent == ""$param""\","$s.leaveOut(drools, ""$param"");"
            ,Intent,Leave out
            Complaints get no sales,COMPLAINT,kind SALES
            """);

    static RulePack pack(RuleFile table) {
        return RulePack.of("workbooks", List.of(RuleSetCompilerTest.CATALOG, table));
    }

    /** The table as a workbook, a cell written below it and merged with the cell to its left, which is never written. */
    static RuleFile withMergedRegionMissingItsFirstCell() throws IOException {
        RuleFile xlsx = Spreadsheets.csvToXlsx(TABLE, "Suitability");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getSheetAt(0).createRow(11).createCell(2).setCellValue("a note");
            wb.getSheetAt(0).addMergedRegion(new CellRangeAddress(11, 11, 1, 2));
            wb.write(out);
            return new RuleFile(xlsx.name(), out.toByteArray());
        }
    }

    @Test
    void aMergedRegionWhoseFirstCellWasNeverWrittenIsReadAsBlank() throws IOException {
        RuleFile table = withMergedRegionMissingItsFirstCell();

        assertThat(new Validator().validate(pack(table))).extracting(Finding::message)
                .noneSatisfy(m -> assertThat(m).contains("cannot be read"));
        try (DecisionEngine engine = NextBest.engine().rules(pack(table)).build()) {
            assertThat(engine.catalog().offers()).hasSize(2);
        }
    }

    /** The table as a workbook with a formula beside its settings. */
    static RuleFile withFormula(String formula) throws IOException {
        RuleFile xlsx = Spreadsheets.csvToXlsx(TABLE, "Suitability");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getSheetAt(0).createRow(2).createCell(3).setCellFormula(formula);
            wb.write(out);
            return new RuleFile(xlsx.name(), out.toByteArray());
        }
    }

    @Test
    void aFormulaOverAWholeSheetIsRefusedAtItsCellRatherThanWorkedOutForMinutes() throws IOException {
        RuleFile table = withFormula("COUNTBLANK(A1:XFD1048576)");

        assertThat(new Validator().validate(pack(table))).singleElement().satisfies(f -> assertThat(f.message())
                .contains("sheet Suitability, cell D3: the formula =COUNTBLANK(A1:XFD1048576) refers to "
                        + "17,179,869,184 cells"));
        RuleSetException e = catchThrowableOfType(RuleSetException.class,
                () -> NextBest.engine().rules(pack(table)).build());
        assertThat(e.problems()).filteredOn(p -> p.file().equals("suitability.drl.xlsx")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("cell D3").contains("100,000,000 at most"));
    }

    @Test
    void aFormulaOverAWholeColumnIsWorkedOut() throws IOException {
        RuleFile table = withFormula("COUNTA(A:A)");

        assertThat(new Validator().validate(pack(table))).filteredOn(Finding::isError).isEmpty();
    }

    /** The table as a workbook whose sheet's XML is broken: an attribute without its value. */
    static RuleFile withBrokenSheetXml() throws IOException {
        RuleFile xlsx = Spreadsheets.csvToXlsx(TABLE, "Suitability");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx.content()));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] part = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    part = new String(part, StandardCharsets.UTF_8).replaceFirst("t=\"s\"", "t")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(part);
                out.closeEntry();
            }
        }
        return new RuleFile(xlsx.name(), bytes.toByteArray());
    }

    @Test
    void aWorkbookWithBrokenXmlIsReportedInWordsWithoutPoisExceptionNames() throws IOException {
        RuleFile table = withBrokenSheetXml();

        assertThat(new Validator().validate(pack(table))).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("suitability.drl.xlsx");
            assertThat(f.message()).startsWith("cannot be read as a workbook (.xls or .xlsx)")
                    .contains("Attribute name \"t\"").doesNotContain("org.apache").doesNotContain("Exception");
        });
        RuleSetException e = catchThrowableOfType(RuleSetException.class,
                () -> NextBest.engine().rules(pack(table)).build());
        assertThat(e.problems()).filteredOn(p -> p.file().equals("suitability.drl.xlsx")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("cannot be read as a workbook (.xls or .xlsx)")
                        .contains("Attribute name \"t\"")
                        .doesNotContain("org.apache").doesNotContain("Exception"));
    }

    @Test
    void aWorkbookWhosePartPoiStumblesOnIsReportedInWordsWithoutTheTextOfPoisSlip() throws IOException {
        // A sheet whose compressed bytes are damaged (one bit, found by benchmarks/fuzz): POI fails with
        // 'Cannot invoke "String.indexOf(int)" because "ref" is null', which says nothing of the file.
        byte[] content;
        try (var in = WorkbooksTest.class.getResourceAsStream("/workbooks/damaged-sheet.drl.xlsx")) {
            content = in.readAllBytes();
        }
        RuleFile table = new RuleFile("suitability.drl.xlsx", content);

        assertThat(new Validator().validate(pack(table))).filteredOn(f -> f.file().equals("suitability.drl.xlsx"))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .startsWith("cannot be read as a workbook (.xls or .xlsx)")
                        .contains("the file is damaged").doesNotContain("Cannot invoke", "because"));
        RuleSetException e = catchThrowableOfType(RuleSetException.class,
                () -> NextBest.engine().rules(pack(table)).build());
        assertThat(e.problems()).filteredOn(p -> p.file().equals("suitability.drl.xlsx")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("cannot be read as a workbook (.xls or .xlsx)")
                        .contains("the file is damaged").doesNotContain("Cannot invoke", "because"));
    }
}
