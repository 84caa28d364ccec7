package io.nextbest.ledger;

import io.nextbest.NextBestException;

/** The ledger could not do what was asked: the database failed, or the write was dropped. */
public class LedgerException extends NextBestException {
    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
