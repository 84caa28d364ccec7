package io.nextbest.examples.replay;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.Offer;
import io.nextbest.Reason;
import io.nextbest.learning.Learner;
import io.nextbest.learning.Propensity;

/**
 * Scores customers with a propensity learned from outcomes, starting from no evidence at all. The rules
 * still decide whom the program may call (a customer they leave out by a rule is never called); the
 * learned propensity, a Thompson draw seeded from the decision id, takes the place of the rules' arbitration
 * weights: {@code priority = learned propensity x the offer's value}, under the engine's minimum priority
 * no call. The pack's one offer is the one learned; the engine stays the caller's.
 */
public final class AdaptiveScorer implements Scorer {
    private final DecisionEngine engine;
    private final Learner learner;
    private final Offer offer;

    public AdaptiveScorer(DecisionEngine engine, Learner learner) {
        if (engine.catalog().size() != 1) {
            throw new IllegalArgumentException("a replay pack offers one thing, this catalog has "
                    + engine.catalog().size() + " offers");
        }
        this.engine = engine;
        this.learner = learner;
        this.offer = engine.catalog().get(0);
    }

    @Override
    public String mode() {
        return "adaptive";
    }

    @Override
    public Score score(Case customer) {
        Decision d = engine.decide(customer.request());
        if (d.offer().isEmpty() && !d.reason().code().equals(Reason.BELOW_MINIMUM_PRIORITY)) {
            return new Score(false, 0, d.reason().code()); // a rule left the customer out
        }
        Propensity p = learner.estimate(customer.request(), offer.id(), offer.propensity(), d.decisionId());
        double priority = p.value() * offer.value();
        boolean call = priority >= engine.minimumPriority();
        learner.countDecision(call != p.mean() * offer.value() >= engine.minimumPriority());
        return new Score(call, priority, call ? Reason.OFFER_CHOSEN : Reason.BELOW_MINIMUM_PRIORITY);
    }

    @Override
    public void learn(Case customer, boolean positive) {
        learner.learn(customer.request(), offer.id(), positive);
    }

    public Learner learner() {
        return learner;
    }
}
