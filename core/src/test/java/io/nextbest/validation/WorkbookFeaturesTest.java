package io.nextbest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.NextBest;
import io.nextbest.QueueType;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A workbook written the way Drools' documentation writes them: RuleSet settings with Variables,
 * Functions and Sequential, two rule tables on one sheet, a third on a second sheet with a RuleSet of
 * its own, NAME and PRIORITY columns, and a pattern merged across condition columns. Drools reads the
 * first sheet unless told otherwise; a pack that says {@code sheets=all} reads both.
 */
class WorkbookFeaturesTest {

    static void row(Sheet sheet, int r, Object... cells) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else if (cells[c] != null) {
                row.createCell(c).setCellValue(cells[c].toString());
            }
        }
    }

    static RuleFile workbook() throws IOException {
        return workbook(true);
    }

    /** With {@code blankRow}, the Queues table has a blank row inside it, which drops its second rule. */
    static RuleFile workbook(boolean blankRow) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet first = wb.createSheet("Suitability");
            row(first, 0, "RuleSet", "io.nextbest.test.suitability");
            row(first, 1, "Import", "io.nextbest.facts.Situation");
            row(first, 2, "Variables", "java.util.List audit");
            row(first, 3, "Functions", "function boolean isSales(String kind) { return \"SALES\".equals(kind); }");
            row(first, 4, "Sequential", "true");
            row(first, 6, "RuleTable Complaints");
            row(first, 7, "NAME", "PRIORITY", "CONDITION", "CONDITION", "ACTION");
            row(first, 8, null, null, "$s : Situation", "", null); // Excel keeps the covered cell, blank
            first.addMergedRegion(new CellRangeAddress(8, 8, 2, 3));
            row(first, 9, null, null, "intent == \"$param\"", "churnRisk < $param", "$s.leaveOut(drools, \"$param\");");
            row(first, 10, "Rule", "Priority", "Intent", "Churn risk below", "Leave out");
            row(first, 11, "A complaint gets no sales offer", 10, "COMPLAINT", null, "kind SALES");
            row(first, 12, "A settled complainer gets no retention offer", 5, "COMPLAINT", 0.5, "kind RETENTION");
            row(first, 14, "RuleTable Sentiment");
            row(first, 15, "NAME", "CONDITION", "ACTION");
            row(first, 16, null, "$s : Situation", null);
            row(first, 17, null, "sentiment == \"$param\"", "$s.leaveOut(drools, \"$param\");");
            row(first, 18, "Rule", "Sentiment", "Leave out");
            row(first, 19, "Negative sentiment: no sales", "NEGATIVE", "kind SALES");

            Sheet second = wb.createSheet("Queues");
            row(second, 0, "RuleSet", "io.nextbest.test.suitability");
            row(second, 1, "Import", "io.nextbest.facts.Situation");
            row(second, 2, "RuleTable Queues");
            row(second, 3, "NAME", "CONDITION", "ACTION");
            row(second, 4, null, "$s : Situation", null);
            row(second, 5, null, "queue == \"$param\"", "$s.leaveOut(drools, \"$param\");");
            row(second, 6, "Rule", "Queue", "Leave out");
            row(second, 7, "A service queue gets no sales offers", "SERVICE", "kind SALES");
            // Drools ends a table at a blank row between its rules (a blank first rule row it reads as an
            // empty rule): with one, the rule below is lost.
            row(second, blankRow ? 9 : 8, "A service queue gets no retention offers", "SERVICE", "kind RETENTION");
            wb.write(out);
            return new RuleFile("suitability.drl.xlsx", out.toByteArray());
        }
    }

    static RuleFile catalog() throws IOException {
        return new RuleFile("catalog.json", Files.readAllBytes(Path.of("src/test/resources/packs/basic/catalog.json")));
    }

    static final RuleFile EVERY_SHEET = RuleFile.of("pack.properties", "sheets=all\n");

    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

    static Decision serviceQueueCall(DecisionEngine engine) {
        return engine.decide(DecisionRequest.builder(Customer.builder("C1").churnRisk(0.2).build(),
                Interaction.builder(Channel.INBOUND_VOICE, Intent.BILLING).resolved(true).queue(QueueType.SERVICE)
                        .time(NOW).build()).build());
    }

    @Test
    void aWorkbookWithEveryFeatureValidatesLoadsAndDecides() throws IOException {
        assertThat(new Validator().validate(RulePack.of("workbook", List.of(catalog(), workbook(), EVERY_SHEET))))
                .extracting(Finding::toString)
                .containsExactly("suitability.drl.xlsx, sheet Queues, cell A10: Drools ends the table at the blank "
                        + "row above, so this rule is silently ignored: delete the blank row(s) inside the table");
    }

    @Test
    void byDefaultOnlyTheFirstSheetIsReadAndATableOnAnotherSheetIsWarnedOf() throws IOException {
        RulePack firstSheetOnly = RulePack.of("workbook", List.of(catalog(), workbook(false)));
        assertThat(new Validator().validate(firstSheetOnly)).extracting(Finding::toString)
                .containsExactly("suitability.drl.xlsx, sheet Queues, cell A3: RuleTable Queues is on a sheet Drools "
                        + "does not read: it reads a workbook's first sheet unless told otherwise. Move the table to "
                        + "the first sheet, or write sheets=all in the pack's pack.properties to read every sheet");
        try (DecisionEngine engine = NextBest.engine().rules(firstSheetOnly).build()) {
            assertThat(serviceQueueCall(engine).leftOut("FIBER")).isEmpty();
        }
    }

    @Test
    void rulesOnEverySheetFireAndNameTheirSheetAndRow() throws IOException {
        List<RuleFile> files = List.of(catalog(), workbook(false), EVERY_SHEET);
        try (DecisionEngine engine = NextBest.engine().rules(RulePack.of("workbook", files)).build()) {
            Customer settled = Customer.builder("C1").churnRisk(0.2).build();
            Decision complaint = engine.decide(DecisionRequest.builder(settled,
                    Interaction.builder(Channel.INBOUND_VOICE, Intent.COMPLAINT).resolved(true).queue(QueueType.SALES)
                            .time(Instant.parse("2026-11-23T15:00:00Z")).build()).build());
            assertThat(complaint.leftOut("FIBER").orElseThrow().source())
                    .isEqualTo("suitability.drl.xlsx sheet Suitability, row 12");
            assertThat(complaint.leftOut("LOYALTY").orElseThrow().rule())
                    .isEqualTo("A settled complainer gets no retention offer");
            // The second sheet's rules load too, as the pack reads every sheet.
            assertThat(serviceQueueCall(engine).leftOut("FIBER").orElseThrow().source())
                    .isEqualTo("suitability.drl.xlsx sheet Queues, row 8");
            assertThat(serviceQueueCall(engine).leftOut("LOYALTY").orElseThrow().source())
                    .isEqualTo("suitability.drl.xlsx sheet Queues, row 9");
        }
    }
}
