package io.nextbest;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set could not be built. Every problem found is listed, not only the first. */
public final class RuleSetException extends NextBestException {
    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    public RuleSetException(List<RuleProblem> problems) {
        super(problems.size() == 1 ? "the rule set has a problem: " + problems.get(0)
                : "the rule set has " + problems.size() + " problems:\n  "
                        + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
