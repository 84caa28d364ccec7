package io.nextbest.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.NextBest;
import org.junit.jupiter.api.Test;

/**
 * The build precompiles the default pack (see this module's pom), so applications load it rather
 * than compile it. The pom names the pack's files again: if it and {@link DefaultRules#FILES} part,
 * the pack silently compiles at start-up, and this test fails.
 */
class RulesPrecompiledTest {

    @Test
    void theDefaultPackLoadsPrecompiledWithTheRulesAndSourcesOfTheCompiledPack() {
        try (DecisionEngine precompiled = NextBest.engine().rules(DefaultRules.pack()).build();
             DecisionEngine compiled = NextBest.engine().rules(DefaultRules.pack()).usePrecompiled(false).build()) {
            assertThat(precompiled.ruleSet().precompiled())
                    .as("the default pack was precompiled by the build; do the pom's files match DefaultRules.FILES?")
                    .isTrue();
            assertThat(compiled.ruleSet().precompiled()).isFalse();
            assertThat(precompiled.ruleSet().version()).isEqualTo(compiled.ruleSet().version());
            assertThat(precompiled.ruleSet().label()).isEqualTo(compiled.ruleSet().label()).isNotEmpty();
            assertThat(precompiled.ruleSet().rules()).isGreaterThanOrEqualTo(60).isEqualTo(compiled.ruleSet().rules());
            assertThat(precompiled.catalog().offers()).isEqualTo(compiled.catalog().offers());
            for (DecisionRequest request : SpreadsheetFormatsTest.variedCallers(300, 5)) {
                // The same rules, codes and rows fire, and the decisions are the same to the id.
                assertThat(precompiled.explain(request)).isEqualTo(compiled.explain(request));
            }
        }
    }
}
