package io.nextbest.benchmarks;

import io.nextbest.DecisionRequest;
import java.time.Instant;

/**
 * The decision id the two yardsticks give their decisions. Their words come from the library's own
 * {@link io.nextbest.arbitration.Reasons}, so that all three implementations write them alike and the
 * comparison measures the deciding, not the writing.
 */
public final class Explanations {
    private Explanations() {
    }

    /** A stable id for a decision: the same for the same request, rule set and time. */
    public static String decisionId(String ruleSet, DecisionRequest request, Instant now) {
        long h = 0xcbf29ce484222325L;
        h = 31 * h + ruleSet.hashCode();
        h = 31 * h + request.customer().id().hashCode();
        h = 31 * h + (request.interaction().id() == null ? 0 : request.interaction().id().hashCode());
        h = 31 * h + request.interaction().channel().ordinal();
        h = 31 * h + now.getEpochSecond();
        return "d-" + Long.toHexString(31 * h + now.getNano());
    }
}
