package io.nextbest;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.validation.Finding;
import org.junit.jupiter.api.Test;

class RuleProblemTest {

    @Test
    void aLongQuotedValueIsShownByItsStartAndLength() {
        String value = "abc".repeat(10_000);

        RuleProblem problem = new RuleProblem("eligibility.drl.csv", "cell D9",
                "the value '" + value + "' makes the condition `x >= $param` read `x >= " + value + "`");

        assertThat(problem.message()).isEqualTo("the value '" + value.substring(0, 60) + "... (30000 characters)'"
                + " makes the condition `x >= $param` read `x >= " + value.substring(0, 55) + "... (30005 characters)`");
    }

    @Test
    void shortValuesAndUnclosedQuotesAreLeftAsTheyAre() {
        String message = "'twenty' is not a number; it's " + "x".repeat(500);

        assertThat(new RuleProblem("f", "", message).message()).isEqualTo(message);
    }

    @Test
    void aFindingShortensItsMessageTheSameWay() {
        String value = "x".repeat(32_767);

        Finding finding = Finding.error("arbitration.drl.xlsx", "Arbitration", "D10", "Churn risk below",
                "'" + value + "' is not a number");

        assertThat(finding.message()).isEqualTo("'" + "x".repeat(60) + "... (32767 characters)' is not a number");
    }
}
