package io.nextbest.facts;

/**
 * A rule of a compiled rule set, as decisions report it.
 *
 * @param name       the rule's name, which reads as the reason it gives
 * @param stage      the engagement stage, taken from the last part of the rule's package
 * @param stageOrder the position of the stage: eligibility, applicability, suitability, arbitration, others
 * @param order      the rule's position in the rule set, in file order
 * @param source     where the rule is written: {@code suitability.drl.csv row 12} or {@code applicability.drl line 8}
 */
public record RuleInfo(String name, String stage, int stageOrder, int order, String source) {

    /** The stages in the order a decision applies them. */
    public static final java.util.List<String> STAGES =
            java.util.List.of("eligibility", "applicability", "suitability", "arbitration");

    /** The stage's position, with unknown stages after the known ones. */
    public static int stageOrder(String stage) {
        int i = STAGES.indexOf(stage);
        return i < 0 ? STAGES.size() : i;
    }

    /** True if this rule's reason should be reported ahead of the other's. */
    public boolean precedes(RuleInfo other) {
        return stageOrder != other.stageOrder ? stageOrder < other.stageOrder : order < other.order;
    }
}
