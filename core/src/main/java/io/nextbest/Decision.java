package io.nextbest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one request: an offer or none, and why.
 *
 * @param decisionId     a stable id for this decision, the same for the same request and rule set
 * @param customerId     the customer the decision is for
 * @param type           {@link DecisionType#OFFER} or {@link DecisionType#NO_OFFER}
 * @param offers         the offers to make, best first; empty for no offer
 * @param runnersUp      offers that passed every policy but ranked below the chosen ones
 * @param leftOut        every other offer, with the reason it was left out
 * @param reasons        why this decision, at least one: for an offer, why it was chosen; for no offer, at most
 *                       three, the deciding one first
 * @param ruleSetVersion the version of the rule set that decided: a hash of its files, the same in every process
 * @param decidedAt      the time the decision was made for
 */
public record Decision(
        String decisionId,
        String customerId,
        DecisionType type,
        List<RankedOffer> offers,
        List<RankedOffer> runnersUp,
        List<LeftOut> leftOut,
        List<Reason> reasons,
        String ruleSetVersion,
        Instant decidedAt) {

    public Decision {
        offers = List.copyOf(offers);
        runnersUp = List.copyOf(runnersUp);
        leftOut = List.copyOf(leftOut);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if ((type == DecisionType.OFFER) == offers.isEmpty()) {
            throw new IllegalArgumentException(type == DecisionType.OFFER
                    ? "an OFFER decision needs at least one offer" : "a NO_OFFER decision cannot carry offers");
        }
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one reason");
        }
    }

    /** The best offer, if the decision makes one. */
    public Optional<RankedOffer> offer() {
        return offers.isEmpty() ? Optional.empty() : Optional.of(offers.get(0));
    }

    /** True if the decision makes an offer. */
    public boolean isOffer() {
        return type == DecisionType.OFFER;
    }

    /** The deciding reason: for an offer, why it was chosen; for no offer, the headline. */
    public Reason reason() {
        return reasons.get(0);
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
