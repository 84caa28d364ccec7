package io.nextbest;

/** What became of an offer made on an earlier contact; required for every contact that had an offer. */
public enum ContactOutcome {
    /** The customer took the offer. */
    ACCEPTED,
    /** The customer said no: the offer's cool-down starts. */
    DECLINED,
    /** The offer was made and neither taken nor refused, or the contact had no offer. */
    IGNORED
}
