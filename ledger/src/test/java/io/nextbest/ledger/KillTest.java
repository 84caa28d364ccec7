package io.nextbest.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives the process being killed: a child JVM writes decisions and outcomes
 * without end, this test kills it with SIGKILL (no shutdown hook, no close, no flush) in mid-stream,
 * reopens the ledger and finds every decision and outcome the child acknowledged.
 */
class KillTest {
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 3_000;

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedDecisionAndOutcomeSurvivesSigkill() throws Exception {
        Path file = folder.resolve("ledger.db");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LedgerChild.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                assertThat(line).startsWith("ack ");
                acknowledged.add(line.substring(4));
                if (acknowledged.size() == ACKNOWLEDGED_BEFORE_THE_KILL) {
                    // On Linux, destroyForcibly sends SIGKILL: the child gets no chance to write anything more.
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("the child acknowledged writes before it was killed")
                .hasSize(ACKNOWLEDGED_BEFORE_THE_KILL);

        try (Ledger reopened = Ledger.builder().file(file).build()) {
            assertThat(reopened.report().programs().get(0).program()).isEqualTo("kill");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM decisions WHERE decision_id = ?), "
                     + "(SELECT COUNT(*) FROM outcomes WHERE decision_id = ? AND outcome_type = 'ACCEPTED')")) {
            List<String> missing = new ArrayList<>();
            for (String id : acknowledged) {
                ps.setString(1, id);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != 1 || rs.getInt(2) != 1) {
                        missing.add(id);
                    }
                }
            }
            assertThat(missing).as("acknowledged, yet missing after the kill").isEmpty();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM decisions")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the stream went on past the acknowledged writes")
                        .isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_KILL);
            }
        }
    }
}
