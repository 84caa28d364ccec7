package io.nextbest.examples;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Interaction;
import io.nextbest.LeftOut;
import io.nextbest.Offer;
import io.nextbest.Reason;
import io.nextbest.examples.DemoShift.Caller;
import io.nextbest.ledger.Ledger;
import io.nextbest.ledger.Outcome;
import io.nextbest.ledger.OutcomeType;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * A month of the demo's traffic through a ledger: every day, shift after shift of the demo's callers,
 * decided by the rules, held out or contacted by the ledger, and an outcome drawn for each from the
 * true effects below, which the report must then find on its own.
 */
final class LedgerDemo {
    /**
     * What a program truly does in this simulation: the chance of its success without the offer (held
     * out) and with it, and the handle time an offer adds.
     */
    record Effect(double heldOut, double contacted, int handleSeconds) {
    }

    /** The simulation's truth: retention, welcome and plan changes work; cross-sell does nothing; upsell hurts. */
    static final Map<String, Effect> EFFECTS = Map.of(
            "retention", new Effect(0.70, 0.80, 240),
            "welcome", new Effect(0.05, 0.25, 120),
            "plan-change", new Effect(0.10, 0.18, 180),
            "cross-sell", new Effect(0.06, 0.06, 150),
            "upsell", new Effect(0.09, 0.05, 200),
            "proactive-service", new Effect(0.20, 0.30, 90),
            "information", new Effect(0.15, 0.15, 60));

    private final DecisionEngine engine;
    private final Ledger ledger;
    private final Random random;
    private int calls;

    private LedgerDemo(DecisionEngine engine, Ledger ledger, long seed) {
        this.engine = engine;
        this.ledger = ledger;
        this.random = new Random(seed);
    }

    /**
     * Runs {@code days} days of {@code shiftsADay} shifts each into the ledger, from the demo's day on.
     *
     * @return how many calls were decided
     */
    static int run(DecisionEngine rules, Ledger ledger, long seed, int days, int shiftsADay) {
        LedgerDemo demo = new LedgerDemo(ledger.engine(rules), ledger, seed);
        for (int day = 0; day < days; day++) {
            for (int shift = 0; shift < shiftsADay; shift++) {
                for (Caller caller : DemoShift.callers(seed * 100_000 + (long) day * shiftsADay + shift)) {
                    demo.call(later(caller.request(), Duration.ofDays(day)));
                }
            }
        }
        ledger.flush();
        return demo.calls;
    }

    private void call(DecisionRequest request) {
        calls++;
        Decision decision = engine.decide(request);
        boolean heldOut = decision.reason().code().equals(Reason.HELD_OUT);
        if (!decision.isOffer() && !heldOut) {
            return;
        }
        LeftOut withheld = heldOut ? decision.leftOut().get(0) : null;
        String offerId = heldOut ? withheld.offerId() : decision.offer().orElseThrow().offerId();
        String program = heldOut ? withheld.program() : decision.offer().orElseThrow().program();
        Effect effect = EFFECTS.getOrDefault(program, new Effect(0.1, 0.1, 60));
        double value = engine.catalog().find(offerId).map(Offer::value).orElse(0.0);
        boolean success = random.nextDouble() < (heldOut ? effect.heldOut() : effect.contacted());
        OutcomeType successType = "retention".equals(program) ? OutcomeType.SAVED : OutcomeType.ACCEPTED;
        String id = decision.decisionId();
        if (heldOut) {
            if (success) {
                ledger.record(new Outcome(id, successType, value, 0));
            }
            return;
        }
        double handle = effect.handleSeconds() * (0.5 + random.nextDouble());
        if (successType == OutcomeType.SAVED) {
            // A retention call: the offer is taken or not, and the customer stays or not.
            ledger.record(new Outcome(id, random.nextBoolean() ? OutcomeType.ACCEPTED : OutcomeType.DECLINED, 0, handle));
            if (success) {
                ledger.record(new Outcome(id, OutcomeType.SAVED, value, 0));
            }
        } else {
            ledger.record(new Outcome(id, success ? OutcomeType.ACCEPTED : OutcomeType.DECLINED, success ? value : 0,
                    handle));
        }
    }

    /** The same request, made {@code by} later: its history stays where it was. */
    private static DecisionRequest later(DecisionRequest r, Duration by) {
        Interaction i = r.interaction();
        Interaction moved = new Interaction(i.id(), i.channel(), i.intent(), i.sentiment(), i.resolved(),
                i.handleTimeSeconds(), i.targetHandleTimeSeconds(), i.queue(), i.time().plus(by));
        return new DecisionRequest(r.customer(), moved, r.purchases(), r.contacts(), r.propensities());
    }
}
