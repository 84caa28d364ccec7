package io.nextbest.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.NextBest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two servers running the same pack must be shown to decide with the same rules: the rule-set version
 * and the decision id depend on the pack's files and the request only, never on the process, the load
 * time or whether the rules were precompiled.
 */
class SameIdentityInEveryProcessTest {

    /** Prints the version and the decision ids of the same callers, one per line. */
    public static void main(String[] args) {
        boolean precompiled = args.length > 0 && args[0].equals("precompiled");
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).usePrecompiled(precompiled).build()) {
            for (String line : lines(engine)) {
                System.out.println(line);
            }
        }
    }

    static List<String> lines(DecisionEngine engine) {
        List<String> lines = new ArrayList<>();
        lines.add("version " + engine.ruleSet().version());
        for (DecisionRequest request : SpreadsheetFormatsTest.variedCallers(20, 3)) {
            Decision d = engine.decide(request);
            lines.add(d.decisionId() + " " + d.ruleSetVersion() + " " + d.type());
        }
        return lines;
    }

    static List<String> inAnotherJvm(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SameIdentityInEveryProcessTest.class.getName(), mode).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        return List.of(new String(out, StandardCharsets.UTF_8).strip().split("\\R"));
    }

    @Test
    void twoJvmsGivenTheSamePackAndRequestsPrintTheSameVersionAndDecisionIds() throws Exception {
        List<String> first = inAnotherJvm("precompiled");
        List<String> second = inAnotherJvm("compiled");
        List<String> here;
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).build()) {
            here = lines(engine);
        }
        assertThat(first).hasSize(21).first().isEqualTo("version " + DefaultRules.pack().contentHash());
        assertThat(second).isEqualTo(first);
        assertThat(here).isEqualTo(first);
    }
}
