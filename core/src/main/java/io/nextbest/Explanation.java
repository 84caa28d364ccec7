package io.nextbest;

import java.util.List;

/**
 * A decision with the rules that fired to reach it, in firing order: what a scenario test or a
 * property failure shows so that an analyst can find the table row at work.
 */
public record Explanation(Decision decision, List<FiredRule> fired) {

    public Explanation {
        fired = List.copyOf(fired);
    }
}
