package io.nextbest.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.NextBest;
import io.nextbest.QueueType;
import io.nextbest.Reason;
import io.nextbest.rules.DefaultRules;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    private static final Instant NOV_23 = Instant.parse("2026-11-23T15:05:00Z");
    private static DecisionEngine rules;

    @TempDir
    Path folder;

    @BeforeAll
    static void buildTheRules() {
        rules = NextBest.engine().rules(DefaultRules.pack()).build();
    }

    @AfterAll
    static void closeTheRules() {
        rules.close();
    }

    /** The README's at-risk caller, under another id: the default pack offers retention. */
    private static DecisionRequest atRiskCaller(String customerId) {
        Customer customer = Customer.builder(customerId).tenureMonths(40).churnRisk(0.78)
                .consents(Channel.INBOUND_VOICE).build();
        Interaction call = Interaction.builder(Channel.INBOUND_VOICE, Intent.BILLING).resolved(true)
                .queue(QueueType.SERVICE).time(NOV_23).build();
        return DecisionRequest.builder(customer, call).build();
    }

    private Ledger.Builder ledger() {
        return Ledger.builder().file(folder.resolve("ledger.db")).holdout(0);
    }

    @Test
    void theSameOutcomeTwiceIsOneOutcome() {
        try (Ledger ledger = ledger().build()) {
            Decision decision = ledger.engine(rules).decide(atRiskCaller("C1"));
            Outcome accepted = new Outcome(decision.decisionId(), OutcomeType.ACCEPTED, 40, 90);
            assertThat(ledger.record(accepted).join()).isEqualTo(OutcomeStatus.RECORDED);
            assertThat(ledger.record(accepted).join()).isEqualTo(OutcomeStatus.ALREADY_RECORDED);
            assertThat(ledger.record(new Outcome(decision.decisionId(), OutcomeType.ACCEPTED, 999, 999)).join())
                    .isEqualTo(OutcomeStatus.ALREADY_RECORDED);
            ProgramReport retention = ledger.report().programs().get(0);
            assertThat(retention.program()).isEqualTo("retention");
            assertThat(retention.accepted()).isEqualTo(1);
            assertThat(retention.revenue()).isEqualTo(40.0);
            assertThat(retention.handleTimeSeconds()).isEqualTo(90.0);
        }
    }

    @Test
    void anOutcomeForADecisionTheLedgerNeverSawIsAClearError() {
        try (Ledger ledger = ledger().build()) {
            assertThatThrownBy(() -> ledger.record(Outcome.of("d-nosuchdecision", OutcomeType.SAVED)).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(UnknownDecisionException.class)
                    .hasMessageContaining("decisionId: no decision 'd-nosuchdecision' in the ledger");
        }
    }

    @Test
    void aBadOutcomeIsRefusedNamingItsField() {
        assertThatThrownBy(() -> new Outcome("d-1", OutcomeType.ACCEPTED, -5, 0))
                .hasMessage("revenue: must be a number of at least 0, got -5.0");
        assertThatThrownBy(() -> new Outcome(" ", OutcomeType.ACCEPTED, 0, 0)).hasMessage("decisionId: is required");
    }

    @Test
    void everyDecisionIsRecordedWithItsReasonCodesRuleSetVersionAndProgram() throws SQLException {
        Decision decision;
        try (Ledger ledger = ledger().build()) {
            decision = ledger.engine(rules).decide(atRiskCaller("C2"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("ledger.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT customer_id, decision_type, program, offer_id, held_out, "
                     + "reason_codes, rule_set_version, decided_at FROM decisions WHERE decision_id = '"
                     + decision.decisionId() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("C2");
            assertThat(rs.getString(2)).isEqualTo("OFFER");
            assertThat(rs.getString(3)).isEqualTo("retention");
            assertThat(rs.getString(4)).isEqualTo(decision.offer().orElseThrow().offerId());
            assertThat(rs.getBoolean(5)).isFalse();
            assertThat(rs.getString(6)).isEqualTo(Reason.OFFER_CHOSEN);
            assertThat(rs.getString(7)).isEqualTo(rules.ruleSet().version());
            assertThat(rs.getLong(8)).isEqualTo(NOV_23.toEpochMilli());
        }
    }

    @Test
    void heldOutCustomersAreDecidedAsUsualButGetNoOfferAndTheHeldOutReason() {
        int heldOut = 0;
        try (Ledger ledger = ledger().holdout("retention", 0.5).build()) {
            DecisionEngine engine = ledger.engine(rules);
            for (int i = 0; i < 200; i++) {
                Decision decision = engine.decide(atRiskCaller("C" + (500_000 + i)));
                Decision again = engine.decide(atRiskCaller("C" + (500_000 + i)));
                assertThat(again).as("held out or not, for the whole month").isEqualTo(decision);
                if (decision.reason().code().equals(Reason.HELD_OUT)) {
                    heldOut++;
                    assertThat(decision.isOffer()).isFalse();
                    assertThat(decision.reason().text()).startsWith("Held out of the retention program for 2026-11 (50%");
                    assertThat(decision.reasons().get(1).code()).as("what the rules decided").isEqualTo(Reason.OFFER_CHOSEN);
                    assertThat(decision.leftOut().get(0).code()).isEqualTo(Reason.HELD_OUT);
                } else {
                    assertThat(decision.offer().orElseThrow().program()).isEqualTo("retention");
                }
            }
            ProgramReport retention = ledger.report().programs().get(0);
            assertThat(retention.heldOut()).isEqualTo(heldOut);
            assertThat(retention.contacts()).isEqualTo(200 - heldOut);
        }
        assertThat(heldOut).as("about half of 200").isBetween(70, 130);
    }

    @Test
    void theHoldoutIsStickyWithinAMonthAndDrawnAgainInTheNext() {
        Holdout holdout = new Holdout(0.05, java.util.Map.of());
        int inNovember = 0;
        int inBoth = 0;
        for (int i = 0; i < 20_000; i++) {
            String customer = "C" + i;
            boolean nov = holdout.heldOut(customer, "retention", Instant.parse("2026-11-01T00:00:00Z"));
            assertThat(holdout.heldOut(customer, "retention", Instant.parse("2026-11-30T23:59:59Z"))).isEqualTo(nov);
            if (nov) {
                inNovember++;
                if (holdout.heldOut(customer, "retention", Instant.parse("2026-12-01T00:00:00Z"))) {
                    inBoth++;
                }
            }
        }
        assertThat(inNovember).as("5% of 20,000").isBetween(900, 1100);
        assertThat(inBoth).as("a new draw in December: about 5% of November's").isLessThan(inNovember / 10);
    }

    @Test
    void aPausedProgramMakesNoOfferUntilAnAnalystResumesIt() {
        try (Ledger ledger = ledger().build()) {
            DecisionEngine engine = ledger.engine(rules);
            ledger.pause("retention", "test");
            Decision paused = engine.decide(atRiskCaller("C3"));
            assertThat(paused.isOffer()).isFalse();
            assertThat(paused.reason().code()).isEqualTo(Reason.PROGRAM_PAUSED);
            assertThat(ledger.report().programs().get(0).paused()).isEqualTo(1);
        }
        try (Ledger reopened = ledger().build()) {
            assertThat(reopened.pausedPrograms()).as("kept in the ledger").containsExactly("retention");
            reopened.resume("retention");
            assertThat(reopened.engine(rules).decide(atRiskCaller("C3")).isOffer()).isTrue();
        }
        try (Ledger again = ledger().build()) {
            assertThat(again.pausedPrograms()).isEmpty();
        }
    }

    @Test
    void aProgramThatHurtsIsPausedByItsReportWhenAskedTo() {
        try (Ledger ledger = ledger().holdout(0.2).success("nagging", OutcomeType.SAVED).pauseRetired(true).build()) {
            DecisionEngine engine = ledger.engine(new OneOfferEngine("nagging"));
            for (int i = 0; i < 2_000; i++) {
                Decision d = engine.decide(OneOfferEngine.call("C" + i, NOV_23));
                boolean heldOut = d.reason().code().equals(Reason.HELD_OUT);
                // Held out, everyone stays; contacted, every other customer leaves.
                if (heldOut || i % 2 == 0) {
                    ledger.record(Outcome.of(d.decisionId(), OutcomeType.SAVED));
                }
            }
            Report report = ledger.report(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
            assertThat(report.programs().get(0).verdict()).isEqualTo(Verdict.RETIRE);
            assertThat(ledger.pausedPrograms()).containsExactly("nagging");
            assertThat(engine.decide(OneOfferEngine.call("C9999999", NOV_23)).reason().code())
                    .isIn(Reason.PROGRAM_PAUSED);
        }
    }
}
