package io.nextbest;

/** What became of an earlier contact or offer. */
public enum ContactOutcome {
    ACCEPTED,
    DECLINED,
    IGNORED
}
