package io.nextbest.ledger;

/** An outcome names a decision the ledger has never recorded. */
public final class UnknownDecisionException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final String decisionId;

    public UnknownDecisionException(String decisionId) {
        super("decisionId: no decision '" + decisionId + "' in the ledger: record outcomes only for decisions "
                + "made through the ledger's engine");
        this.decisionId = decisionId;
    }

    /** The id that was not found. */
    public String decisionId() {
        return decisionId;
    }
}
