package io.nextbest.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.FiredRule;
import io.nextbest.NextBest;
import io.nextbest.Reason;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultRulesCompileTest {

    @Test
    void theDefaultPackCompilesWithItsThirtyOffersAndSixtyRules() {
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).usePrecompiled(false).build()) {
            assertThat(engine.ruleSet().offers()).isGreaterThanOrEqualTo(30);
            assertThat(engine.ruleSet().rules()).isGreaterThanOrEqualTo(60);
            assertThat(engine.ruleSet().label()).isEqualTo("NextBest default pack, 2026-11");
            assertThat(engine.ruleSet().version()).isEqualTo(DefaultRules.pack().contentHash());
        }
    }

    @Test
    void everyRuleOfTheDefaultPackSetsAReasonCodeOfItsOwn() {
        Map<String, String> codeOfRule = new HashMap<>();
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).build()) {
            for (DecisionRequest request : SpreadsheetFormatsTest.variedCallers(2_000, 11)) {
                for (FiredRule fired : engine.explain(request).fired()) {
                    codeOfRule.put(fired.rule(), fired.code());
                }
            }
        }
        assertThat(codeOfRule).hasSizeGreaterThan(40);
        codeOfRule.forEach((rule, code) -> {
            // A code derived from the name would change with every rewording of the rule.
            assertThat(code).as("the code of '%s'", rule).isNotEqualTo(Reason.codeOf(rule)).matches("[A-Z][A-Z0-9_]*");
        });
        assertThat(codeOfRule.values()).as("codes are told apart").doesNotHaveDuplicates();
    }
}
