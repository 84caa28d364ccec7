package io.nextbest;

/**
 * An offer that was not made, and why: the stage, the rule and where that rule is written.
 *
 * @param offerId the offer's id in the catalog
 * @param program the program the offer belongs to
 * @param stage   {@code eligibility}, {@code applicability}, {@code suitability} or {@code arbitration}
 * @param rule    the name of the rule that left the offer out, which reads as the reason
 * @param source  where that rule is written, such as {@code suitability.drl.csv row 12}
 */
public record LeftOut(String offerId, String program, String stage, String rule, String source) {
}
