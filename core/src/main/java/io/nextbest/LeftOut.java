package io.nextbest;

import java.util.Objects;

/**
 * An offer that was not made, and why.
 *
 * @param offerId the offer's id in the catalog
 * @param program the program the offer belongs to
 * @param reason  the reason: its code, stage, rule and where that rule is written
 */
public record LeftOut(String offerId, String program, Reason reason) {

    public LeftOut {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(reason, "reason");
    }

    /** The reason's code. */
    public String code() {
        return reason.code();
    }

    /** The stage that left the offer out. */
    public Stage stage() {
        return reason.stage();
    }

    /** The name of the rule that left the offer out. */
    public String rule() {
        return reason.rule();
    }

    /** Where that rule is written, such as {@code suitability.drl.csv row 12}. */
    public String source() {
        return reason.source();
    }
}
