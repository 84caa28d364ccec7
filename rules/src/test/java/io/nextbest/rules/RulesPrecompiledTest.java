package io.nextbest.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.engine.CompiledRuleSet;
import io.nextbest.engine.EngineSettings;
import io.nextbest.engine.RuleSetCompiler;
import org.junit.jupiter.api.Test;

/**
 * The build precompiles the default pack (see this module's pom), so applications load it rather
 * than compile it. The pom names the pack's files again: if it and {@link DefaultRules#FILES} part,
 * the pack silently compiles at start-up, and this test fails.
 */
class RulesPrecompiledTest {

    @Test
    void theDefaultPackLoadsPrecompiledWithTheRulesAndSourcesOfTheCompiledPack() {
        CompiledRuleSet precompiled = RuleSetCompiler.compile(DefaultRules.pack(), EngineSettings.defaults());
        CompiledRuleSet compiled = RuleSetCompiler.compile(DefaultRules.pack(), EngineSettings.defaults().compilingAlways());
        try {
            assertThat(precompiled.precompiled())
                    .as("the default pack was precompiled by the build; do the pom's files match DefaultRules.FILES?")
                    .isTrue();
            assertThat(compiled.precompiled()).isFalse();
            assertThat(precompiled.rules()).hasSizeGreaterThanOrEqualTo(60).isEqualTo(compiled.rules());
            assertThat(precompiled.catalog().offers()).isEqualTo(compiled.catalog().offers());
        } finally {
            precompiled.close();
            compiled.close();
        }
    }
}
