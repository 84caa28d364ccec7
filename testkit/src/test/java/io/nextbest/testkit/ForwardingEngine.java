package io.nextbest.testkit;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Explanation;
import io.nextbest.OfferCatalog;
import io.nextbest.RuleSetInfo;

/** An engine that passes every call to another; broken engines for the proofs override what they break. */
abstract class ForwardingEngine implements DecisionEngine {
    protected final DecisionEngine engine;

    ForwardingEngine(DecisionEngine engine) {
        this.engine = engine;
    }

    @Override
    public Decision decide(DecisionRequest request) {
        return engine.decide(request);
    }

    @Override
    public Explanation explain(DecisionRequest request) {
        return engine.explain(request);
    }

    @Override
    public int maxOffers() {
        return engine.maxOffers();
    }

    @Override
    public double minimumPriority() {
        return engine.minimumPriority();
    }

    @Override
    public RuleSetInfo ruleSet() {
        return engine.ruleSet();
    }

    @Override
    public OfferCatalog catalog() {
        return engine.catalog();
    }

    @Override
    public boolean reload() {
        return engine.reload();
    }

    @Override
    public void close() {
        engine.close();
    }
}
