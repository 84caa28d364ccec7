package io.nextbest.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's queue under a database that stops, and under several deciding threads. */
class WhenFullTest {
    private static final Instant NOV_2 = Instant.parse("2026-11-02T10:00:00Z");

    @TempDir
    Path folder;

    @Test
    void whenTheDatabaseStallsDecisionsGoOnAndTheRecordsThatDoNotFitAreDroppedAndCounted() throws Exception {
        Path file = folder.resolve("ledger.db");
        // The writer waits for the lock until the test lets go of it, however slowly this machine runs the test.
        try (Ledger ledger = Ledger.builder().file(file).holdout(0).queueCapacity(10).busyTimeout(Duration.ofHours(1))
                .build()) {
            DecisionEngine engine = ledger.engine(new OneOfferEngine("stall"));
            Decision first = engine.decide(OneOfferEngine.call("C0", NOV_2));
            ledger.flush();
            // Another connection takes the database's write lock, as a long backup or a stuck process
            // would: the writer waits for it, and the queue fills up behind the writer.
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                List<Decision> decided = new ArrayList<>();
                for (int i = 1; i <= 100; i++) {
                    decided.add(engine.decide(OneOfferEngine.call("C" + i, NOV_2)));
                }
                CompletableFuture<OutcomeStatus> outcome = ledger.record(Outcome.of(first.decisionId(), OutcomeType.ACCEPTED));
                assertThat(decided).as("every decision was made").hasSize(100).allMatch(Decision::isOffer);
                assertThat(ledger.dropped()).as("the records the full queue could not take").isGreaterThanOrEqualTo(80);
                assertThatThrownBy(outcome::join).isInstanceOf(CompletionException.class)
                        .cause().isInstanceOf(LedgerException.class).hasMessageContaining("queue is full");
                s.execute("ROLLBACK");
            }
            Report report = ledger.report();
            assertThat(report.dropped()).isEqualTo(ledger.dropped());
            assertThat(report.programs().get(0).contacts()).as("C0 and what the queue held")
                    .isEqualTo(101 - ledger.dropped() + 1);
            assertThat(report.text()).contains("The ledger dropped " + ledger.dropped() + " records");
        }
    }

    @Test
    void decisionsFromSeveralThreadsAreAllRecorded() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (Ledger ledger = Ledger.builder().file(folder.resolve("ledger.db")).holdout(0.1).whenFull(WhenFull.WAIT)
                .build()) {
            DecisionEngine engine = ledger.engine(new OneOfferEngine("threads"));
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 2_500; i++) {
                        Decision d = engine.decide(OneOfferEngine.call("T" + thread + "-" + i, NOV_2));
                        ledger.record(Outcome.of(d.decisionId(), OutcomeType.IGNORED));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            ProgramReport p = ledger.report().programs().get(0);
            assertThat(p.contacts() + p.heldOut()).isEqualTo(10_000);
            assertThat(p.ignored()).isEqualTo(p.contacts());
            assertThat(ledger.dropped()).isZero();
        } finally {
            threads.shutdown();
        }
    }
}
