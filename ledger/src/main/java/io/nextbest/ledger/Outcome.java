package io.nextbest.ledger;

import java.util.Objects;

/**
 * What became of one decision. A decision has at most one outcome of each type: recording the same
 * type again changes nothing ({@link OutcomeStatus#ALREADY_RECORDED}).
 *
 * @param decisionId        the decision's id ({@code decision.decisionId()})
 * @param type              what became of it
 * @param revenue           the revenue it brought, at least 0
 * @param handleTimeSeconds the handle time the offer added to the interaction, at least 0: the effort
 */
public record Outcome(String decisionId, OutcomeType type, double revenue, double handleTimeSeconds) {

    public Outcome {
        if (decisionId == null || decisionId.isBlank()) {
            throw new IllegalArgumentException("decisionId: is required");
        }
        Objects.requireNonNull(type, "type: is required");
        if (!(revenue >= 0) || Double.isInfinite(revenue)) {
            throw new IllegalArgumentException("revenue: must be a number of at least 0, got " + revenue);
        }
        if (!(handleTimeSeconds >= 0) || Double.isInfinite(handleTimeSeconds)) {
            throw new IllegalArgumentException("handleTimeSeconds: must be a number of at least 0, got "
                    + handleTimeSeconds);
        }
    }

    /** An outcome with no revenue and no handle time added. */
    public static Outcome of(String decisionId, OutcomeType type) {
        return new Outcome(decisionId, type, 0, 0);
    }
}
