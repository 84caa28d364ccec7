package io.nextbest.examples.replay;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;

/** Scores customers with a rule pack: an offer's priority ranks them; no offer means no call. The engine stays the caller's. */
public final class RulesScorer implements Scorer {
    private final DecisionEngine engine;

    public RulesScorer(DecisionEngine engine) {
        this.engine = engine;
    }

    @Override
    public String mode() {
        return "rules";
    }

    @Override
    public Score score(Case customer) {
        Decision d = engine.decide(customer.request());
        return d.offer().map(o -> new Score(true, o.score().priority(), d.reason().code()))
                .orElseGet(() -> new Score(false, 0, d.reason().code()));
    }
}
