package io.nextbest.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.validation.Finding;
import io.nextbest.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mistakes analysts make, seeded one at a time into a copy of the default tables: each is reported at
 * the right cell, and the pack validates clean again once the mistake is undone.
 */
class SeededMistakesTest {
    static final Validator VALIDATOR = new Validator();

    /** Replaces the {@code nth} (0-based) occurrence of a cell text on a CSV line that starts with {@code rowStart}. */
    static UnaryOperator<String> onRow(String rowStart, String from, String to) {
        return text -> {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(rowStart)) {
                    String changed = lines.get(i).replaceFirst(java.util.regex.Pattern.quote(from),
                            java.util.regex.Matcher.quoteReplacement(to));
                    if (changed.equals(lines.get(i))) {
                        throw new IllegalArgumentException("'" + from + "' is not on the row " + rowStart);
                    }
                    lines.set(i, changed);
                    return String.join("\n", lines);
                }
            }
            throw new IllegalArgumentException("no row starts with " + rowStart);
        };
    }

    static RulePack seeded(String file, UnaryOperator<String> mistake) {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile f : DefaultRules.pack().files()) {
            files.add(f.name().equals(file) ? RuleFile.of(f.name(), mistake.apply(f.text())) : f);
        }
        return RulePack.of("seeded", files);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a word where a number belongs", "suitability.drl.csv",
                        onRow("Three offers in 30 days", ",3,", ",three,"),
                        "suitability.drl.csv, cell H16 (column \"Offers in last 30 days at least\"): 'three' is not a number"),
                Arguments.of("a percentage where the column compares a plain number", "eligibility.drl.csv",
                        onRow("Plan change is for customers", ",80,", ",80%,"),
                        "eligibility.drl.csv, cell G13 (column \"Usage of allowance below (%)\"): '80%' is formatted as a percentage"),
                Arguments.of("money formatting", "arbitration.drl.csv",
                        onRow("High-value customers", ",5000,", ",\"$5,000\","),
                        "arbitration.drl.csv, cell O28 (column \"Lifetime value at least\"): '$5,000' is formatted as money"),
                Arguments.of("a misspelt intent", "suitability.drl.csv",
                        onRow("A complaint call", ",COMPLAINT,", ",COMPLIANT,"),
                        "suitability.drl.csv, cell C10 (column \"Intent\"): 'COMPLIANT' is not one of"),
                Arguments.of("a value in lower case", "suitability.drl.csv",
                        onRow("A complaint call", ",COMPLAINT,", ",complaint,"),
                        "suitability.drl.csv, cell C10 (column \"Intent\"): 'complaint' must be written in capitals"),
                Arguments.of("typographic quotes", "suitability.drl.csv",
                        onRow("Negative sentiment: no sales", "kind SALES", "\u201Ckind SALES\u201D"),
                        "suitability.drl.csv, cell L12 (column \"Leave out\"): offer target '\u201Ckind SALES\u201D': "
                                + "has typographic quotes"),
                Arguments.of("an unbalanced quote in a code snippet", "suitability.drl.csv",
                        onRow(",code($param),\"intent == ", "\"intent == \"\"$param\"\"\"", "\"intent == \"\"$param\""),
                        "suitability.drl.csv, cell C8 (column \"Intent\"): has an unbalanced quote"),
                Arguments.of("a field the fact does not have", "suitability.drl.csv",
                        onRow(",code($param),\"intent == ", "vulnerable == $param", "vulnrable == $param"),
                        "suitability.drl.csv, cell G8 (column \"Vulnerable\"): Situation has no field 'vulnrable': did you mean 'vulnerable'?"),
                Arguments.of("a duplicate rule name", "suitability.drl.csv",
                        onRow("Negative sentiment: no information", "Negative sentiment: no information pushes",
                                "Negative sentiment: no sales"),
                        "suitability.drl.csv, cell A13 (column \"Rule\"): the rule name 'Negative sentiment: no sales' is already used at suitability.drl.csv, cell A12"),
                Arguments.of("a missing code snippet", "suitability.drl.csv",
                        onRow(",code($param),\"intent == ", "\"$s.leaveOut(drools, \"\"$param\"\");\"", ""),
                        "suitability.drl.csv, cell L8 (column \"Leave out\"): the column has values but no code snippet"),
                Arguments.of("a keyword Drools cannot read", "suitability.drl.csv",
                        onRow("NAME,", "METADATA,CONDITION", "METADATA,KONDITION"),
                        "suitability.drl.csv, cell C6 (column \"Intent\"): 'KONDITION' is not a column keyword: write "
                                + "CONDITION, ACTION, NAME, DESCRIPTION, PRIORITY, METADATA or an attribute"),
                Arguments.of("an offer target the catalog lacks", "eligibility.drl.csv",
                        onRow("Welcome is for the first", "program welcome", "program welcom"),
                        "eligibility.drl.csv, cell Q12 (column \"Leave out\"): offer target 'program welcom': no offer in the catalog has program 'welcom'"),
                Arguments.of("a propensity above 1", "arbitration.drl.csv",
                        onRow("High churn risk", ",0.3,", ",1.3,"),
                        "arbitration.drl.csv, cell T10 (column \"Propensity\"): propensity takes a number from 0 to 1, got 1.3"),
                Arguments.of("a negative context weight", "arbitration.drl.csv",
                        onRow("A cancellation call puts retention first", ",2.0,", ",-2.0,"),
                        "arbitration.drl.csv, cell U12 (column \"Context weight\"): weight takes a number of at least 0, got -2.0"),
                Arguments.of("a reason code reserved for the engine", "applicability.drl.csv",
                        onRow("A service queue", "SERVICE_QUEUE_NO_SALES", "BELOW_MINIMUM_PRIORITY"),
                        "applicability.drl.csv, cell B11 (column \"Reason code\"): BELOW_MINIMUM_PRIORITY is reserved for the engine's own reason"),
                Arguments.of("a rule row with every condition blank", "suitability.drl.csv",
                        onRow("Negative sentiment: no sales", ",NEGATIVE,", ",,"),
                        "suitability.drl.csv, cell A12 (column \"Rule\"): this row has no condition, so Drools writes "
                                + "its rule without the pattern `$s : Situation` and the action cannot use $s: give the "
                                + "row a condition (a rule that holds in every case belongs in a .drl file"),
                Arguments.of("a typo in a code-row cell", "suitability.drl.csv",
                        onRow(",code($param),", "offersLast30Days >= $param", "offersLast30Days => $param"),
                        "suitability.drl.csv, cell H8 (column \"Offers in last 30 days at least\"): the condition "
                                + "`offersLast30Days => $param` does not compile. Drools says: [ERR 102] mismatched "
                                + "input '='"),
                Arguments.of("a reason code with a space", "suitability.drl.csv",
                        onRow("A complaint call", "COMPLAINT_NO_SALES", "COMPLAINT NO_SALES"),
                        "suitability.drl.csv, cell B10 (column \"Reason code\"): 'COMPLAINT NO_SALES' is not a reason code"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachSeededMistakeIsReportedAtItsCell(String what, String file, UnaryOperator<String> mistake, String expected) {
        List<Finding> findings = VALIDATOR.validate(seeded(file, mistake));
        assertThat(findings).filteredOn(Finding::isError).extracting(Finding::toString)
                .anyMatch(f -> f.startsWith(expected));
    }

    /** Slips Drools compiles, so they are warnings: the pack loads, but not as the analyst meant. */
    static Stream<Arguments> slips() {
        return Stream.of(
                Arguments.of("a blank row in the middle of a table", "suitability.drl.csv",
                        onRow("Three offers in 30 days", "Three offers", ",,,,,,,,,\nThree offers"),
                        "suitability.drl.csv, cell A17: Drools ends the table at the blank row above"),
                Arguments.of("a keyword with a typo, which Drools reads by its first letter", "suitability.drl.csv",
                        onRow("NAME,", "METADATA,CONDITION", "METADATA,CONDITON"),
                        "suitability.drl.csv, cell C6 (column \"Intent\"): Drools reads 'CONDITON' as CONDITION, by its "
                                + "first letter: write CONDITION"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slips")
    void eachSlipDroolsCompilesIsAWarningAtItsCell(String what, String file, UnaryOperator<String> slip,
                                                   String expected) {
        List<Finding> findings = VALIDATOR.validate(seeded(file, slip));
        assertThat(findings).noneMatch(Finding::isError);
        assertThat(findings).extracting(Finding::toString).anyMatch(f -> f.startsWith(expected));
    }

    @Test
    void aStraySpaceAroundAValueIsNoProblemBecauseDroolsTrimsEveryCell() {
        assertThat(VALIDATOR.validate(seeded("applicability.drl.csv", onRow("A service queue", ",SERVICE,",
                ",SERVICE ,")))).isEmpty();
    }

    @Test
    void aTableFileNamedSoDroolsIgnoresItIsReported() {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile f : DefaultRules.pack().files()) {
            files.add(f.name().equals("suitability.drl.csv") ? new RuleFile("suitability.csv", f.content()) : f);
        }
        assertThat(VALIDATOR.validate(RulePack.of("renamed", files))).extracting(Finding::toString)
                .contains("suitability.csv: Drools reads a decision table only if its name ends in .drl.csv, "
                        + ".drl.xls or .drl.xlsx, so this file would be silently ignored: rename it to suitability.drl.csv");
    }

    @Test
    void theUntouchedDefaultTablesValidateWithoutErrorsOrWarnings() {
        assertThat(VALIDATOR.validate(DefaultRules.pack())).isEmpty();
    }
}
