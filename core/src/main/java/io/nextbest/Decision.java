package io.nextbest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The answer to one request: an offer or none, and why.
 *
 * @param decisionId     a stable id for this decision, the same for the same request and rule set
 * @param customerId     the customer the decision is for
 * @param type           {@link DecisionType#OFFER} or {@link DecisionType#NO_OFFER}
 * @param offers         the offers to make, best first; empty for no offer
 * @param runnersUp      offers that passed every policy but ranked below the chosen ones
 * @param leftOut        every other offer with the stage, rule and source that left it out
 * @param reasons        why this decision, in words: for no offer, at least one and at most three, the deciding one first
 * @param ruleSetVersion the version of the rule set that decided (content hash and load time)
 * @param decidedAt      the time the decision was made for
 */
public record Decision(
        String decisionId,
        String customerId,
        DecisionType type,
        List<RankedOffer> offers,
        List<RankedOffer> runnersUp,
        List<LeftOut> leftOut,
        List<String> reasons,
        String ruleSetVersion,
        Instant decidedAt) {

    public Decision {
        offers = List.copyOf(offers);
        runnersUp = List.copyOf(runnersUp);
        leftOut = List.copyOf(leftOut);
        reasons = List.copyOf(reasons);
    }

    /** The best offer, if the decision makes one. */
    public Optional<RankedOffer> offer() {
        return offers.isEmpty() ? Optional.empty() : Optional.of(offers.get(0));
    }

    /** True if the decision makes an offer. */
    public boolean isOffer() {
        return type == DecisionType.OFFER;
    }

    /** Why the given offer was left out, if it was. */
    public Optional<LeftOut> leftOut(String offerId) {
        for (LeftOut l : leftOut) {
            if (l.offerId().equals(offerId)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
