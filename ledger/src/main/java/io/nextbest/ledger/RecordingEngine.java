package io.nextbest.ledger;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.DecisionType;
import io.nextbest.Explanation;
import io.nextbest.LeftOut;
import io.nextbest.OfferCatalog;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import io.nextbest.RuleSetInfo;
import io.nextbest.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine that decides as the one it wraps does, then holds out the customers of each program's
 * holdout group, stops the offers of paused programs, and records every decision in the ledger. The
 * record goes on the writer's queue: the decision does not wait for the database.
 */
final class RecordingEngine implements DecisionEngine {
    private final DecisionEngine engine;
    private final Ledger ledger;

    RecordingEngine(DecisionEngine engine, Ledger ledger) {
        this.engine = engine;
        this.ledger = ledger;
    }

    @Override
    public Decision decide(DecisionRequest request) {
        Decision decided = engine.decide(request);
        Decision decision = withholding(decided);
        ledger.record(decision, decided);
        return decision;
    }

    /** Explains as the wrapped engine does, holding out and pausing as {@link #decide} does; records nothing. */
    @Override
    public Explanation explain(DecisionRequest request) {
        Explanation explained = engine.explain(request);
        return new Explanation(withholding(explained.decision()), explained.fired());
    }

    /** The decision the caller gets: the rules' own, or no offer for a held-out customer or a paused program. */
    private Decision withholding(Decision decided) {
        if (!decided.isOffer()) {
            return decided;
        }
        RankedOffer offer = decided.offers().get(0);
        String program = offer.program();
        if (ledger.isPaused(program)) {
            return withheld(decided, new Reason(Reason.PROGRAM_PAUSED, Stage.ARBITRATION, "Program paused",
                    "ledger", offerIds(decided), "The " + program + " program is paused until an analyst resumes it: "
                    + offer.offerId() + " would have been offered"));
        }
        if (ledger.holdout().heldOut(decided.customerId(), program, decided.decidedAt())) {
            String period = Holdout.period(decided.decidedAt());
            return withheld(decided, new Reason(Reason.HELD_OUT, Stage.ARBITRATION, "Holdout group", "ledger",
                    offerIds(decided), "Held out of the " + program + " program for " + period + " ("
                    + percent(ledger.holdout().share(program)) + " of customers, to measure its lift): "
                    + offer.offerId() + " would have been offered"));
        }
        return decided;
    }

    private static Decision withheld(Decision decided, Reason why) {
        List<LeftOut> leftOut = new ArrayList<>();
        for (RankedOffer o : decided.offers()) {
            leftOut.add(new LeftOut(o.offerId(), o.program(), why));
        }
        leftOut.addAll(decided.leftOut());
        List<Reason> reasons = new ArrayList<>();
        reasons.add(why);
        reasons.addAll(decided.reasons());
        return new Decision(decided.decisionId(), decided.customerId(), DecisionType.NO_OFFER, List.of(),
                decided.runnersUp(), leftOut, reasons, decided.ruleSetVersion(), decided.decidedAt());
    }

    private static List<String> offerIds(Decision decision) {
        return decision.offers().stream().map(RankedOffer::offerId).toList();
    }

    private static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }

    @Override
    public RuleSetInfo ruleSet() {
        return engine.ruleSet();
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
    public OfferCatalog catalog() {
        return engine.catalog();
    }

    @Override
    public boolean reload() {
        return engine.reload();
    }

    /** Closes the wrapped engine; the ledger stays open until it is closed itself. */
    @Override
    public void close() {
        engine.close();
    }
}
