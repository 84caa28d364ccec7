package io.nextbest.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.engine.EngineSettings;
import io.nextbest.engine.RuleSetCompiler;
import io.nextbest.engine.CompiledRuleSet;
import org.junit.jupiter.api.Test;

class DefaultRulesCompileTest {

    @Test
    void theDefaultPackCompilesWithItsThirtyOffersAndSixtyRules() {
        CompiledRuleSet ruleSet = RuleSetCompiler.compile(DefaultRules.pack(), EngineSettings.defaults());
        assertThat(ruleSet.catalog().size()).isGreaterThanOrEqualTo(30);
        assertThat(ruleSet.ruleCount()).isGreaterThanOrEqualTo(60);
        ruleSet.close();
    }
}
