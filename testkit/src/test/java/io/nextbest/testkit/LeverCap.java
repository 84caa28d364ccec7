package io.nextbest.testkit;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.DecisionType;
import io.nextbest.Explanation;
import io.nextbest.LeftOut;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import io.nextbest.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine with a "cap" meant to push the loyalty discount no further than a lever of 2, which drops
 * the offer instead. Rules cannot do this: they read the customer and the interaction, never the
 * scores the engine keeps, so the invariant that raising the winner keeps it winning is shown failing
 * on a broken engine instead.
 */
final class LeverCap extends ForwardingEngine {
    static final String CAPPED = "RET-LOYALTY-DISCOUNT";
    static final String RULE = "The loyalty discount is pushed no further than a lever of 2";

    LeverCap(DecisionEngine engine) {
        super(engine);
    }

    private static Decision capped(Decision d) {
        List<RankedOffer> passed = new ArrayList<>(d.offers());
        passed.addAll(d.runnersUp());
        List<LeftOut> leftOut = new ArrayList<>(d.leftOut());
        boolean dropped = passed.removeIf(o -> o.offerId().equals(CAPPED) && o.score().lever() >= 2.0);
        if (!dropped) {
            return d;
        }
        Reason cap = new Reason("LEVER_CAP", Stage.ARBITRATION, RULE, "caps (engine)", List.of(CAPPED), RULE);
        leftOut.add(new LeftOut(CAPPED, "retention", cap));
        int made = Math.min(d.offers().size(), passed.size());
        List<RankedOffer> offers = passed.subList(0, made);
        return new Decision(d.decisionId(), d.customerId(), offers.isEmpty() ? DecisionType.NO_OFFER : DecisionType.OFFER,
                offers, passed.subList(made, passed.size()), leftOut, offers.isEmpty() ? List.of(cap) : d.reasons(),
                d.ruleSetVersion(), d.decidedAt());
    }

    @Override
    public Decision decide(DecisionRequest request) {
        return capped(engine.decide(request));
    }

    @Override
    public Explanation explain(DecisionRequest request) {
        Explanation e = engine.explain(request);
        return new Explanation(capped(e.decision()), e.fired());
    }
}
