package io.nextbest;

/** Whether a decision makes an offer. No offer is a normal, frequent and correct answer. */
public enum DecisionType {
    OFFER,
    NO_OFFER
}
