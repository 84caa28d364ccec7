package io.nextbest;

/** The root of every exception NextBest throws on purpose. */
public class NextBestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NextBestException(String message) {
        super(message);
    }

    public NextBestException(String message, Throwable cause) {
        super(message, cause);
    }
}
