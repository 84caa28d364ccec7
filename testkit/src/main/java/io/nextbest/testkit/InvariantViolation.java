package io.nextbest.testkit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The assertion error a property throws when invariants break: its message holds every violation's
 * report, so that jqwik shows the shrunk request, the decision, the rules that fired and a scenario.
 */
public final class InvariantViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvariantViolation(List<Violation> violations) {
        super(message(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String message(List<Violation> violations) {
        String head = violations.size() == 1 ? "1 invariant broken" : violations.size() + " invariants broken";
        return head + ":\n\n" + violations.stream().map(Violation::report).collect(Collectors.joining("\n"));
    }
}
