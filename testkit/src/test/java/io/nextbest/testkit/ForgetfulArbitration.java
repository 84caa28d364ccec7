package io.nextbest.testkit;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Explanation;
import io.nextbest.RankedOffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine whose arbitration forgets {@code maxOffers} and makes every offer that passed: no rule set
 * can do this (rules leave offers out and adjust scores; the arbitrator alone picks how many are
 * made), so the invariant that guards it is shown failing on a broken engine instead.
 */
final class ForgetfulArbitration extends ForwardingEngine {

    ForgetfulArbitration(DecisionEngine engine) {
        super(engine);
    }

    @Override
    public Decision decide(DecisionRequest request) {
        return everyOffer(engine.decide(request));
    }

    @Override
    public Explanation explain(DecisionRequest request) {
        Explanation e = engine.explain(request);
        return new Explanation(everyOffer(e.decision()), e.fired());
    }

    private static Decision everyOffer(Decision d) {
        List<RankedOffer> all = new ArrayList<>(d.offers());
        all.addAll(d.runnersUp());
        return new Decision(d.decisionId(), d.customerId(), d.type(), all, List.of(), d.leftOut(), d.reasons(),
                d.ruleSetVersion(), d.decidedAt());
    }
}
