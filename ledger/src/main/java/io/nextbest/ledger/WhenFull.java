package io.nextbest.ledger;

/**
 * What the ledger does with a write when its queue is full, which happens only when the database
 * cannot keep up with the decisions for longer than the queue lasts.
 */
public enum WhenFull {
    /**
     * The decision goes on at once and its record is dropped: it is counted ({@link Ledger#dropped()}),
     * logged at WARN (the first time, then every 10,000th), and an outcome so dropped fails with a
     * {@link LedgerException}. Decisions never wait for the database. The default.
     */
    DROP,
    /** The caller waits for room in the queue: nothing is lost, but decisions slow to the database's pace. */
    WAIT
}
