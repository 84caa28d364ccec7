package io.nextbest.engine;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.OfferCatalog;
import io.nextbest.RulePack;
import java.util.Objects;

/** The engine behind {@link io.nextbest.NextBest}: one compiled rule set and its session pool. */
public final class RulesEngine implements DecisionEngine {
    private volatile CompiledRuleSet ruleSet;

    public RulesEngine(RulePack pack, EngineSettings settings) {
        this.ruleSet = RuleSetCompiler.compile(pack, settings);
    }

    @Override
    public Decision decide(DecisionRequest request) {
        Objects.requireNonNull(request, "request");
        return ruleSet.decide(request);
    }

    @Override
    public String ruleSetVersion() {
        return ruleSet.version();
    }

    @Override
    public OfferCatalog catalog() {
        return ruleSet.catalog();
    }

    /** The rule set new decisions use. */
    public CompiledRuleSet ruleSet() {
        return ruleSet;
    }

    @Override
    public void close() {
        ruleSet.close();
    }
}
