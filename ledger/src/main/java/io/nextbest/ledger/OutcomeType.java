package io.nextbest.ledger;

/**
 * What became of a decision. On a held-out decision, record what the customer did without the offer:
 * {@link #SAVED} if they stayed, {@link #ACCEPTED} if they took the product up on their own.
 */
public enum OutcomeType {
    /** The customer took the offer (or, held out, the product on their own). */
    ACCEPTED,
    /** The customer heard the offer and said no. */
    DECLINED,
    /** The offer was made and nothing came of it. */
    IGNORED,
    /** A customer who may have left stayed: the success of a retention program. */
    SAVED
}
