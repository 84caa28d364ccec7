package io.nextbest.benchmarks.fuzz;

/**
 * What one consumer of an input made of it, judged by the {@link Oracle}.
 *
 * @param consumer the API that read the input, such as {@code JsonCodec.readRequest}
 * @param outcome  accepted, rejected as documented, or wrong
 * @param detail   for a wrong outcome, what was wrong; for a rejection, the first problem reported
 * @param error    the exception behind a wrong outcome, if there was one
 */
public record Verdict(String consumer, Outcome outcome, String detail, Throwable error) {

    /** The three outcomes an input can have with one consumer (a hang is the input's, not a consumer's). */
    public enum Outcome {
        /** The input was read. */
        ACCEPTED,
        /** The input was refused with the documented exception or findings, each naming its place. */
        REJECTED,
        /** Anything else: another exception, a problem that names no place, an exception's text leaking out. */
        WRONG
    }

    static Verdict accepted(String consumer) {
        return new Verdict(consumer, Outcome.ACCEPTED, "", null);
    }

    static Verdict rejected(String consumer, String first) {
        return new Verdict(consumer, Outcome.REJECTED, first, null);
    }

    static Verdict wrong(String consumer, String why, Throwable error) {
        return new Verdict(consumer, Outcome.WRONG, why, error);
    }

    public boolean isWrong() {
        return outcome == Outcome.WRONG;
    }
}
