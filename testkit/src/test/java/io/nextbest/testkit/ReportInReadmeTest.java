package io.nextbest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The failure the README shows ("When a property fails") is the one the kit prints for the broken pack
 * that lost its complaint row: every line the README shows is in the report, in the same order, where
 * {@code ...} stands for what the README leaves out.
 */
class ReportInReadmeTest {

    @Test
    void theReadmesFailureIsTheReportOfThePackThatLostItsComplaintRow() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## When a property fails");
        int messageFrom = readme.indexOf("```\n", section) + 4;
        int messageTo = readme.indexOf("```\n", messageFrom);
        int from = readme.indexOf("```\n", messageTo + 4) + 4;
        String message = readme.substring(messageFrom, messageTo).strip();
        List<String> shown = readme.substring(from, readme.indexOf("```\n", from)).lines().toList();
        assertThat(shown).hasSizeGreaterThan(20);

        JqwikRun.Outcome run = JqwikRun.property(BrokenPackRuns.class, "complaintRowDropped");
        InvariantViolation failure = (InvariantViolation) run.failure().orElseThrow();
        assertThat(failure.getMessage()).isEqualTo(message);
        List<String> report = failure.report().lines().toList();

        int at = 0;
        for (String line : shown) {
            if (line.isBlank() || line.strip().equals("...")) {
                continue;
            }
            int found = -1;
            for (int i = at; i < report.size() && found < 0; i++) {
                if (same(line, report.get(i))) {
                    found = i;
                }
            }
            assertThat(found).as("the README's line%n  %s%nin the report, after line %d:%n%s", line, at,
                    String.join("\n", report)).isNotNegative();
            at = found + 1;
        }
    }

    /** True if the report's line reads as the README's, where {@code ...} stands for any text. */
    private static boolean same(String shown, String line) {
        String pattern = Pattern.quote(shown.stripTrailing()).replace("...", "\\E.*\\Q");
        return line.stripTrailing().matches(pattern);
    }
}
