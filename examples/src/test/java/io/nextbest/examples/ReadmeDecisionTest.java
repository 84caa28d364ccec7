package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Decision;
import io.nextbest.json.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's decision for its sample request names the decision id and rule-set version that the default
 * pack gives it: both are hashes of the pack's files, which change with every edit of the pack.
 */
class ReadmeDecisionTest {

    @Test
    void theReadmesDecisionHasTheIdAndVersionTheDefaultPackGives() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int at = readme.indexOf("The decision for it");
        assertThat(at).as("the README's decision for its sample request").isPositive();
        String shown = readme.substring(at, readme.indexOf("```\n", readme.indexOf("```json", at) + 7));

        Run run = Run.nextbest("decide", "requests/at-risk-caller.json");
        Decision decision = new JsonCodec().readDecision(run.out());

        assertThat(field(shown, "decisionId")).isEqualTo(decision.decisionId());
        assertThat(field(shown, "ruleSetVersion")).isEqualTo(decision.ruleSetVersion());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": \"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("the README's %s", name).isTrue();
        return m.group(1);
    }
}
