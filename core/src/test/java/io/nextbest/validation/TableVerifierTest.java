package io.nextbest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.RulePack.RuleFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableVerifierTest {

    static List<String> verify(String rows, String extraRuleSetLines) {
        String csv = "RuleSet,io.nextbest.test.arbitration\n"
                + "Import,io.nextbest.facts.Situation\n"
                + extraRuleSetLines
                + ",\n"
                + "RuleTable Levers\n"
                + "NAME,CONDITION,CONDITION,CONDITION,ACTION,ACTION\n"
                + ",$s : Situation...,$s : Situation...,$s : Situation...,,\n"
                + ",tenureMonths >= $param,tenureMonths < $param,\"intent == \"\"$param\"\"\","
                + "\"$s.forOffers(drools, \"\"$param\"\");\",$s.propensity(drools, $param);\n"
                + "Rule,Tenure from,Tenure below,Intent,For offers,Propensity\n"
                + rows;
        RuleFile file = RuleFile.of("levers.drl.csv", csv);
        return TableVerifier.verify(DecisionTable.parse(file.name(), GridReader.read(file)),
                TableVerifierTest.class.getClassLoader()).stream().map(Finding::toString).toList();
    }

    @Test
    void overlappingRowsThatSetTheSameValueDifferentlyConflict() {
        List<String> findings = verify("""
                Young,0,12,,program retention,0.3
                Billing,6,,BILLING,program retention,0.1
                """, "");
        assertThat(findings).containsExactly("levers.drl.csv, row 10: rule 'Billing' conflicts with row 9: both apply "
                + "when intent = BILLING, 6 <= tenureMonths < 12, and they set \"Propensity\" to 0.3 and 0.1");
    }

    @Test
    void rowsThatCannotMeetDoNotConflict() {
        assertThat(verify("""
                Young,0,12,,program retention,0.3
                Older,12,,,program retention,0.1
                Young billing,0,12,BILLING,program retention,0.3
                Older cancelling,12,,CANCELLATION,program retention,0.1
                Billing,,,BILLING,offer RET-FREE-MONTH,0.5
                """, "")).isEmpty();
    }

    @Test
    void aRepeatedRowIsADuplicate() {
        assertThat(verify("""
                Young,0,12,,program retention,0.3
                Young again,0,12,,program retention,0.3
                """, "")).containsExactly("levers.drl.csv, row 10: rule 'Young again' duplicates row 9: same "
                + "conditions and same actions");
    }

    @Test
    void aRowWithContradictoryConditionsCanNeverFire() {
        assertThat(verify("""
                Impossible,24,12,,program retention,0.3
                """, "")).containsExactly("levers.drl.csv, row 9: rule 'Impossible' can never fire: its conditions "
                + "contradict each other (24 <= tenureMonths and tenureMonths < 12)");
    }

    @Test
    void aCompleteTableReportsTheInputsNoRowCovers() {
        List<String> findings = verify("""
                Young,0,12,,program retention,0.3
                Middle,24,,,program retention,0.2
                """, "Complete,Levers\n");
        assertThat(findings).containsExactly("levers.drl.csv, cell A5: RuleTable Levers is marked complete, but no "
                + "row covers tenureMonths = 12", "levers.drl.csv, cell A5: RuleTable Levers is marked complete, "
                + "but no row covers tenureMonths between 12 and 24");
    }

    @Test
    void aTableThatCoversEveryInputHasNoGap() {
        assertThat(verify("""
                Young,0,12,,program retention,0.3
                Older,12,,,program retention,0.2
                """, "Complete,Levers\n")).isEmpty();
    }

    @Test
    void fiveHundredRowsAreVerifiedWithoutTrouble() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            rows.append("Row ").append(i).append(',').append(i).append(',').append(i + 1)
                    .append(",,program retention,0.").append(i % 9 + 1).append('\n');
        }
        assertThat(verify(rows.toString(), "")).isEmpty();
    }

    @Test
    void aColumnThatComparesTextOtherwiseThanByEqualityIsLeftOutOfTheVerificationNotAFailure() {
        String csv = "RuleSet,io.nextbest.test.arbitration\n"
                + "Import,io.nextbest.facts.Situation\n,\nRuleTable Levers\n"
                + "NAME,CONDITION,ACTION\n,$s : Situation,\n"
                + ",\"intent > \"\"$param\"\"\",$s.propensity(drools, $param);\n"
                + "Rule,Intent after,Propensity\n"
                + "One,BILLING,0.3\nTwo,BILLING,0.3\n";
        RuleFile file = RuleFile.of("levers.drl.csv", csv);

        assertThat(TableVerifier.verify(DecisionTable.parse(file.name(), GridReader.read(file)),
                TableVerifierTest.class.getClassLoader())).noneMatch(f -> f.message().contains("conflicts"));
    }
}
