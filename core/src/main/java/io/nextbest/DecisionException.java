package io.nextbest;

/** The rules failed while deciding: a consequence threw, or rules kept firing past the limit. */
public final class DecisionException extends NextBestException {
    private static final long serialVersionUID = 1L;

    public DecisionException(String message) {
        super(message);
    }

    public DecisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
