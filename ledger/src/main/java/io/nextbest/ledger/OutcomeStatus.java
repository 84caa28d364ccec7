package io.nextbest.ledger;

/** What recording an outcome did: the same outcome twice is one outcome. */
public enum OutcomeStatus {
    /** The outcome is new and is now in the ledger. */
    RECORDED,
    /** The decision already had an outcome of this type; the first one is kept. */
    ALREADY_RECORDED
}
