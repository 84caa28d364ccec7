package io.nextbest.testkit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The assertion error a property throws when invariants break. Its message is short: which invariants,
 * what is wrong, for which customer. The full report of each violation (the decision, the rules that
 * fired, the request and a scenario to paste) is its cause, a {@link Report}.
 *
 * <p>Why the split: jqwik prints the message of the shrunk failure and of the original one, and
 * Maven's Surefire prints it with the stack trace and again in its summary. A report in the message
 * was printed four times, some 700 lines; as the cause it is printed once, under "Caused by".
 */
public final class InvariantViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvariantViolation(List<Violation> violations) {
        super(message(violations), new Report(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Every violation's full report, as the cause prints it. */
    public String report() {
        return getCause().getMessage().substring(1);
    }

    private static String message(List<Violation> violations) {
        String head = violations.size() == 1 ? "1 invariant broken" : violations.size() + " invariants broken";
        String customer = violations.isEmpty() ? "" : " for customer " + violations.get(0).request().customer().id();
        return head + customer + ": " + violations.stream().map(v -> v.invariant() + ": " + firstLine(v.problem()))
                .collect(Collectors.joining("; ")) + " (the report, with the decision, the rules that fired and a "
                + "scenario to keep, follows as the cause)";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }

    /**
     * The full reports of an {@link InvariantViolation}, as its cause: printed once, under "Caused by",
     * without a stack trace of its own.
     */
    public static final class Report extends Throwable {
        private static final long serialVersionUID = 1L;

        private final transient List<Violation> violations;
        /** Written when first asked for: jqwik makes a violation at every failing try while it shrinks. */
        private String text;

        Report(List<Violation> violations) {
            super(null, null, false, false);
            this.violations = List.copyOf(violations);
        }

        @Override
        public synchronized String getMessage() {
            if (text == null) {
                text = "\n" + violations.stream().map(Violation::report).collect(Collectors.joining("\n"));
            }
            return text;
        }

        @Override
        public String toString() {
            return "The report of the broken invariant" + getMessage();
        }
    }
}
