package io.nextbest;

/** The customer's sentiment on this interaction, as measured upstream (speech or text analytics, or the agent). */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE
}
