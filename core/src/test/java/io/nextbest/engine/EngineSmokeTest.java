package io.nextbest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.DecisionType;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.NextBest;
import io.nextbest.QueueType;
import io.nextbest.Sentiment;
import io.nextbest.Stage;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {
    static DecisionEngine engine;

    @BeforeAll
    static void build() {
        engine = NextBest.engine().rules(Path.of("src/test/resources/packs/basic")).build();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static DecisionRequest call(Customer customer, Intent intent, Sentiment sentiment) {
        return DecisionRequest.builder(customer, Interaction.builder(Channel.INBOUND_VOICE, intent)
                .sentiment(sentiment).resolved(true).queue(QueueType.SALES)
                .time(Instant.parse("2026-11-23T15:00:00Z")).build()).build();
    }

    @Test
    void atRiskCustomerIsOfferedTheLoyaltyDiscount() {
        Customer c = Customer.builder("C1").churnRisk(0.8).products("FIBER_1G").build();
        Decision d = engine.decide(call(c, Intent.BILLING, Sentiment.NEUTRAL));
        assertThat(d.type()).isEqualTo(DecisionType.OFFER);
        assertThat(d.offers().get(0).offerId()).isEqualTo("LOYALTY");
        assertThat(d.offers().get(0).score().propensity()).isEqualTo(0.4);
        assertThat(d.leftOut("FIBER").orElseThrow().rule()).isEqualTo("Product already held");
        assertThat(d.leftOut("AUTOPAY").orElseThrow().source()).isEqualTo("eligibility.drl line 19");
    }

    @Test
    void complaintCallerIsNotOfferedAnUpsellAndTheTableRowIsNamed() {
        Customer c = Customer.builder("C2").churnRisk(0.1).billingStatus(BillingStatus.LATE).build();
        Decision d = engine.decide(call(c, Intent.COMPLAINT, Sentiment.NEUTRAL));
        assertThat(d.leftOut("FIBER").orElseThrow().source()).isEqualTo("suitability.drl.csv row 9");
        assertThat(d.leftOut("FIBER").orElseThrow().stage()).isEqualTo(Stage.SUITABILITY);
        assertThat(d.offers()).extracting(o -> o.offerId()).containsExactly("AUTOPAY");
    }

    @Test
    void noOfferCarriesReasons() {
        Customer c = Customer.builder("C3").churnRisk(0.9).build();
        Decision d = engine.decide(call(c, Intent.BILLING, Sentiment.NEGATIVE));
        assertThat(d.type()).isEqualTo(DecisionType.NO_OFFER);
        assertThat(d.reasons()).isNotEmpty();
        assertThat(d.leftOut()).hasSize(3);
    }
}
