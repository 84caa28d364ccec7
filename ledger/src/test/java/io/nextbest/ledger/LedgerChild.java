package io.nextbest.ledger;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The process {@link KillTest} kills: it decides for one customer after another through a ledger, records
 * an outcome for each, and prints {@code ack <decision id>} once the outcome, and so the decision queued
 * before it, is on disk. It never stops by itself.
 */
public final class LedgerChild {
    private LedgerChild() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        Ledger ledger = Ledger.builder().file(Path.of(args[0])).holdout(0.1).whenFull(WhenFull.WAIT).build();
        DecisionEngine engine = ledger.engine(new OneOfferEngine("kill"));
        Instant time = Instant.parse("2026-11-02T10:00:00Z");
        for (long i = 0; ; i++) {
            Decision d = engine.decide(OneOfferEngine.call("C" + i, time));
            String id = d.decisionId();
            ledger.record(new Outcome(id, OutcomeType.ACCEPTED, i % 7, 30)).thenRun(() -> {
                synchronized (out) {
                    out.println("ack " + id);
                    out.flush();
                }
            });
        }
    }
}
