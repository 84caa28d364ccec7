package io.nextbest.ledger;

/** What a program's lift says about it. */
public enum Verdict {
    /** The whole 95% interval of the lift is above zero. */
    WORKING("working"),
    /** The interval includes zero, after the minimum sample. */
    NOT_PROVEN("not proven"),
    /** The whole interval is at or below zero: the program does no good, or harm. */
    RETIRE("retire"),
    /** The interval includes zero and the sample is still under the minimum, or there is no holdout yet. */
    TOO_EARLY("too early to tell");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /** The verdict as the report says it. */
    public String words() {
        return words;
    }

    /** The verdict on a lift (null when a group is empty) at these sample sizes. */
    public static Verdict of(Lift lift, long contacts, long heldOut, ReportSettings settings) {
        if (lift == null) {
            return TOO_EARLY;
        }
        if (lift.low() > 0) {
            return WORKING;
        }
        if (lift.high() <= 0) {
            return RETIRE;
        }
        return contacts >= settings.minimumContacts() && heldOut >= settings.minimumHeldOut() ? NOT_PROVEN : TOO_EARLY;
    }
}
