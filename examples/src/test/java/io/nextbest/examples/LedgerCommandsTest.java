package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nextbest demo --ledger}, {@code nextbest report} and {@code nextbest outcome} on one small ledger. */
class LedgerCommandsTest {
    @TempDir
    static Path folder;

    static Path ledger;
    static Run demo;

    @BeforeAll
    static void aFewDaysOfTheDemo() {
        ledger = folder.resolve("ledger.db");
        demo = Run.nextbest("demo", "--ledger", ledger.toString(), "--days", "3", "--shifts", "10");
    }

    @Test
    void theDemoDecidesItsTrafficIntoTheLedgerAndPrintsTheReport() {
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).startsWith("1,530 simulated calls over 3 days (10 shifts of 51 callers a day)")
                .contains("Programs from 2026-11-23 to 2026-11-25 (3 days)")
                .contains("retention: ").contains(" saved (").contains("95% CI")
                .contains("full-time agents").contains("Newcombe");
    }

    @Test
    void theReportIsWrittenAsCsvJsonAndAPage() throws IOException {
        Run csv = Run.nextbest("report", "--ledger", ledger.toString(), "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.outLines().get(0)).startsWith("program,from,to,success,contacts,held_out");
        assertThat(csv.out()).contains("\nretention,2026-11-23,2026-11-25,SAVED,");

        Run json = Run.nextbest("report", "--ledger", ledger.toString(), "--format", "json", "--to", "2026-11-23");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"to\" : \"2026-11-23\"").contains("\"program\" : \"retention\"")
                .contains("\"verdict\" : ");

        Path page = folder.resolve("report.html");
        Run html = Run.nextbest("report", "--ledger", ledger.toString(), "--format", "html", "--output", page.toString());
        assertThat(html.exitCode()).as(html.err()).isZero();
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("<svg id=\"lift\"")
                .as("self-contained: nothing to fetch").doesNotContain("<script", "src=", "href=", "url(", "@import");
    }

    @Test
    void aReportOnNoLedgerSaysSo() {
        Run run = Run.nextbest("report", "--ledger", folder.resolve("nothing.db").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no ledger at ").contains("nextbest demo --ledger");
    }

    @Test
    void outcomesFromAFileAreRecordedAndABadRowIsReportedWithItsFileAndLineAndSkipped()
            throws IOException, SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT decision_id FROM decisions WHERE decision_type = 'NO_OFFER' "
                     + "AND program IS NULL ORDER BY decision_id LIMIT 2")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        Path file = folder.resolve("late.csv");
        Files.writeString(file, "type,decisionId,revenue\n"
                + "IGNORED," + ids.get(0) + ",\n"
                + "MAYBE," + ids.get(1) + ",0\n"
                + "IGNORED,d-nosuchdecision,0\n"
                + "IGNORED," + ids.get(1) + ",oops\n"
                + "IGNORED," + ids.get(1) + ",0\n"
                + "IGNORED," + ids.get(0) + ",0\n");
        Run run = Run.nextbest("outcome", "--ledger", ledger.toString(), file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                file + ":3: type: must be one of [ACCEPTED, DECLINED, IGNORED, SAVED], got 'MAYBE'",
                file + ":5: revenue: must be a number, got 'oops'",
                file + ":4: decisionId: no decision 'd-nosuchdecision' in the ledger: record outcomes only for "
                        + "decisions made through the ledger's engine");
        assertThat(run.out()).isEqualTo(file + ": 2 recorded, 1 already recorded, 3 refused\n");
    }
}
