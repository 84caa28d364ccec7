package io.nextbest;

/**
 * A rule that fired while deciding, as {@link DecisionEngine#explain} reports it.
 *
 * @param code   the rule's reason code
 * @param rule   the rule's name
 * @param stage  the engagement stage of its package
 * @param source where it is written, such as {@code suitability.drl.csv row 12}
 */
public record FiredRule(String code, String rule, Stage stage, String source) {

    @Override
    public String toString() {
        return stage.label() + ": " + rule + " [" + code + "] (" + source + ")";
    }
}
