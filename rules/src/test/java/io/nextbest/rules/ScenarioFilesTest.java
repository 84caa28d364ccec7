package io.nextbest.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.scenarios.ScenarioRunner;
import io.nextbest.scenarios.ScenarioRunner.Report;
import io.nextbest.scenarios.ScenarioRunner.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The analysts' scenario files of the default pack, run as part of the build. */
class ScenarioFilesTest {

    @ParameterizedTest(name = "usePrecompiled {0}")
    @ValueSource(booleans = {true, false})
    void everyScenarioOfTheDefaultPackPassesPrecompiledOrCompiled(boolean usePrecompiled) {
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).usePrecompiled(usePrecompiled)
                .build()) {
            Report report = new ScenarioRunner(engine).run(List.of(Path.of("scenarios")));
            String failures = report.results().stream().filter(r -> !r.passed())
                    .map(r -> r.scenario().name() + " (" + r.scenario().place() + "): " + r.failures()
                            + "\n    fired: " + r.fired())
                    .collect(Collectors.joining("\n"));
            assertThat(report.problems()).isEmpty();
            assertThat(failures).isEmpty();
            assertThat(report.results()).hasSizeGreaterThanOrEqualTo(24);
        }
    }

    @Test
    void aScenarioThatExpectsTheWrongOfferFailsAndShowsTheRulesThatFired() {
        String csv = "scenario,interaction.intent,expect.program\n"
                + "A complaint caller is offered a cross-sell,COMPLAINT,cross-sell\n";
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).build()) {
            Report report = new ScenarioRunner(engine).run("wrong.csv", csv.getBytes());
            Result result = report.results().get(0);
            assertThat(result.passed()).isFalse();
            assertThat(result.failures().get(0)).startsWith("expected an offer of program cross-sell, got ");
            assertThat(result.fired()).anyMatch(f -> f.rule().equals("A complaint call gets no sales offer")
                    && f.source().equals("suitability.drl.csv row 10"));
        }
    }

    @Test
    void aBadScenarioCellIsReportedAtItsLineAndColumn() {
        String csv = "scenario,customer.churnRisk,expect.decision\nRisky,1.7,NO_OFFER\n";
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).build()) {
            Report report = new ScenarioRunner(engine).run("bad.csv", csv.getBytes());
            assertThat(report.problems()).extracting(Object::toString)
                    .containsExactly("bad.csv, line 2 (column \"customer.churnRisk\"): must be between 0 and 1, got '1.7'");
            assertThat(report.allPassed()).isFalse();
        }
    }
}
