package io.nextbest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionException;
import io.nextbest.DecisionRequest;
import io.nextbest.DecisionType;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.LeftOut;
import io.nextbest.NextBest;
import io.nextbest.Offer;
import io.nextbest.QueueType;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import io.nextbest.Requests;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.Sentiment;
import io.nextbest.Stage;
import io.nextbest.arbitration.Arbitrator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EngineBehaviourTest {
    static final Path BASIC = Path.of("src/test/resources/packs/basic");
    static final Instant CLOCK_TIME = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant CALL_TIME = Instant.parse("2026-11-23T15:00:00Z");
    static final Clock CLOCK = Clock.fixed(CLOCK_TIME, ZoneOffset.UTC);

    static DecisionEngine basic;

    @BeforeAll
    static void buildEngine() {
        basic = NextBest.engine().rules(BASIC).clock(CLOCK).build();
    }

    @AfterAll
    static void closeEngine() {
        basic.close();
    }

    static DecisionEngine engine(UnaryOperator<NextBest.Builder> settings) {
        return settings.apply(NextBest.engine().rules(BASIC).clock(CLOCK)).build();
    }

    /** The basic pack with one more rule file, for rules that misbehave. */
    static RulePack basicPackWith(RuleFile extra) {
        List<RuleFile> files = new ArrayList<>(RulePack.directory(BASIC).files());
        files.add(extra);
        return RulePack.of("basic+" + extra.name(), files);
    }

    static String drl(String stage, String rules) {
        return "package io.nextbest.test." + stage + ";\n\nimport io.nextbest.facts.Situation;\n\n" + rules;
    }

    static DecisionRequest call(Customer customer, Intent intent, Instant time) {
        return DecisionRequest.builder(customer, Interaction.builder(Channel.INBOUND_VOICE, intent)
                .id("CALL-" + customer.id()).resolved(true).queue(QueueType.SALES).time(time).build()).build();
    }

    /** A late payer at risk who holds nothing: every offer of the basic pack passes every policy. */
    static DecisionRequest everyOfferPasses() {
        return call(Customer.builder("C-ALL").churnRisk(0.8).billingStatus(BillingStatus.LATE).build(),
                Intent.BILLING, CALL_TIME);
    }

    /** A current payer at low risk, on whom exactly three rules of the basic pack fire. */
    static DecisionRequest threeRulesFire() {
        return call(Customer.builder("C-THREE").churnRisk(0.1).build(), Intent.BILLING, CALL_TIME);
    }

    static List<String> ids(List<RankedOffer> offers) {
        return offers.stream().map(RankedOffer::offerId).toList();
    }

    // ---------------------------------------------------------------- determinism

    @Test
    void decisionsOnEightThreadsAreTheSameAsOnOne() throws Exception {
        List<DecisionRequest> requests = Requests.sample(2_000);
        List<Decision> sequential = new ArrayList<>();
        for (DecisionRequest r : requests) {
            sequential.add(basic.decide(r));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Decision>> futures = new ArrayList<>();
            for (DecisionRequest r : requests) {
                futures.add(pool.submit(() -> basic.decide(r)));
            }
            List<Decision> concurrent = new ArrayList<>();
            for (Future<Decision> f : futures) {
                concurrent.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(concurrent).isEqualTo(sequential);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequential).extracting(Decision::type).contains(DecisionType.OFFER, DecisionType.NO_OFFER);
    }

    @Test
    void theSameRequestDecidedAHundredTimesGivesTheSameDecision() {
        DecisionRequest request = everyOfferPasses();
        Decision first = basic.decide(request);

        for (int i = 0; i < 100; i++) {
            assertThat(basic.decide(request)).isEqualTo(first);
        }
        assertThat(first.decisionId()).startsWith("d-");
    }

    @Test
    void twoEnginesOnTheSameRulesAndClockDecideAlike() {
        try (DecisionEngine other = engine(b -> b)) {
            assertThat(other.ruleSet().version()).isEqualTo(basic.ruleSet().version());
            for (DecisionRequest r : Requests.sample(200)) {
                assertThat(other.decide(r)).isEqualTo(basic.decide(r));
            }
        }
    }

    @Test
    void aDecisionDoesNotCarryOverToTheNextOnTheSameSession() {
        DecisionRequest complaint = call(Customer.builder("C-X").churnRisk(0.9).build(), Intent.COMPLAINT, CALL_TIME);
        DecisionRequest plain = everyOfferPasses();
        Decision alone = basic.decide(plain);

        for (int i = 0; i < 20; i++) {
            basic.decide(complaint);
            assertThat(basic.decide(plain)).isEqualTo(alone);
        }
    }

    // ---------------------------------------------------------------- runaway and failing rules

    @Test
    void aRuleThatUpdatesItsOwnFactForeverIsStoppedAtTheFiringLimit() {
        RulePack pack = basicPackWith(RuleFile.of("loop.drl", drl("eligibility", """
                rule "Keeps touching the situation"
                when
                    $s : Situation( customerId == "C-LOOP" )
                then
                    update($s);
                end
                """)));
        try (DecisionEngine engine = NextBest.engine().rules(pack).clock(CLOCK).maxRuleFirings(50).build()) {
            Decision before = engine.decide(everyOfferPasses());

            DecisionException e = catchThrowableOfType(DecisionException.class, () -> engine.decide(
                    call(Customer.builder("C-LOOP").build(), Intent.BILLING, CALL_TIME)));

            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("limit of 50 firings").contains("C-LOOP").contains("looping");
            assertThat(engine.decide(everyOfferPasses())).isEqualTo(before);
        }
    }

    @Test
    void rulesThatInsertFactsForeverAreStoppedAtTheFiringLimit() {
        RulePack pack = basicPackWith(RuleFile.of("loop.drl", drl("eligibility", """
                rule "Starts a chain"
                when
                    $s : Situation( customerId == "C-LOOP" )
                then
                    insert("tick");
                end

                rule "Grows the chain"
                when
                    $t : String( )
                then
                    insert($t + "k");
                end
                """)));
        try (DecisionEngine engine = NextBest.engine().rules(pack).clock(CLOCK).maxRuleFirings(200).build()) {
            DecisionException e = catchThrowableOfType(DecisionException.class, () -> engine.decide(
                    call(Customer.builder("C-LOOP").build(), Intent.BILLING, CALL_TIME)));

            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("limit of 200 firings");
            assertThat(ids(engine.decide(everyOfferPasses()).offers())).containsExactly("LOYALTY");
        }
    }

    @Test
    void aDecisionThatFiresExactlyTheLimitIsNotALoop() {
        try (DecisionEngine engine = engine(b -> b.maxRuleFirings(3))) {
            Decision d = engine.decide(threeRulesFire());

            assertThat(d).isEqualTo(basic.decide(threeRulesFire()));
        }
    }

    @Test
    void aDecisionThatFiresOneMoreThanTheLimitFails() {
        try (DecisionEngine engine = engine(b -> b.maxRuleFirings(2))) {
            DecisionException e = catchThrowableOfType(DecisionException.class, () -> engine.decide(threeRulesFire()));

            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("limit of 2 firings").contains("maxRuleFirings");
        }
    }

    @Test
    void aConsequenceThatThrowsIsReportedWithTheRuleAndItsSource() {
        RulePack pack = basicPackWith(RuleFile.of("weights.drl", drl("arbitration", """
                rule "Negative weight for complaints"
                when
                    $s : Situation( intent == "COMPLAINT" )
                then
                    $s.weight(drools, $s.getChurnRisk() - 1.0);
                end
                """)));
        // A literal -1.0 is refused when the pack compiles; a value computed at run time fails the decision.
        try (DecisionEngine engine = NextBest.engine().rules(pack).clock(CLOCK).build()) {
            DecisionException e = catchThrowableOfType(DecisionException.class, () -> engine.decide(
                    call(Customer.builder("C-BOOM").build(), Intent.COMPLAINT, CALL_TIME)));

            assertThat(e).isNotNull();
            assertThat(e.getMessage())
                    .contains("rule 'Negative weight for complaints'")
                    .contains("weights.drl line 5")
                    .contains("C-BOOM")
                    .contains("weight must be a number of at least 0, got -1.0");
            assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
            assertThat(engine.decide(everyOfferPasses()).type()).isEqualTo(DecisionType.OFFER);
        }
    }

    // ---------------------------------------------------------------- time

    @Test
    void theInteractionTimeWinsOverTheClock() {
        Decision d = basic.decide(call(Customer.builder("C1").build(), Intent.BILLING, CALL_TIME));

        assertThat(d.decidedAt()).isEqualTo(CALL_TIME);
    }

    @Test
    void theEngineClockIsUsedWhenTheInteractionHasNoTime() {
        Decision d = basic.decide(call(Customer.builder("C1").build(), Intent.BILLING, null));

        assertThat(d.decidedAt()).isEqualTo(CLOCK_TIME);
        assertThat(basic.decide(call(Customer.builder("C1").build(), Intent.BILLING, null))).isEqualTo(d);
    }

    @Test
    void theDecisionIdChangesWithTheTime() {
        Customer c = Customer.builder("C1").build();

        assertThat(basic.decide(call(c, Intent.BILLING, CALL_TIME)).decisionId())
                .isNotEqualTo(basic.decide(call(c, Intent.BILLING, CALL_TIME.plusSeconds(1))).decisionId());
    }

    // ---------------------------------------------------------------- arbitration

    @Test
    void theBestOfferIsChosenAndTheOthersAreRunnersUp() {
        Decision d = basic.decide(everyOfferPasses());

        assertThat(d.type()).isEqualTo(DecisionType.OFFER);
        assertThat(ids(d.offers())).containsExactly("LOYALTY");
        assertThat(ids(d.runnersUp())).containsExactly("FIBER", "AUTOPAY");
        assertThat(d.offer().orElseThrow().score().priority()).isCloseTo(0.4 * 300, within(1e-9));
        assertThat(d.leftOut()).isEmpty();
        assertThat(d.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(Reason.OFFER_CHOSEN);
            assertThat(r.offers()).containsExactly("LOYALTY");
            assertThat(r.text()).startsWith("LOYALTY has the highest priority of 3 offers");
        });
    }

    @Test
    void maxOffersOfTwoMakesTwoOffersWithTheRunnersUpAfter() {
        try (DecisionEngine engine = engine(b -> b.maxOffers(2))) {
            Decision d = engine.decide(everyOfferPasses());

            assertThat(ids(d.offers())).containsExactly("LOYALTY", "FIBER");
            assertThat(ids(d.runnersUp())).containsExactly("AUTOPAY");
            assertThat(d.offers().get(0).score().priority()).isGreaterThan(d.offers().get(1).score().priority());
            assertThat(d.offers().get(1).score().priority()).isGreaterThan(d.runnersUp().get(0).score().priority());
        }
    }

    @Test
    void minimumPriorityLeavesOutLowPriorityOffersAtArbitration() {
        try (DecisionEngine engine = engine(b -> b.minimumPriority(10))) {
            Decision d = engine.decide(everyOfferPasses());

            assertThat(ids(d.offers())).containsExactly("LOYALTY");
            assertThat(ids(d.runnersUp())).containsExactly("FIBER");
            LeftOut autopay = d.leftOut("AUTOPAY").orElseThrow();
            assertThat(autopay.stage()).isEqualTo(Stage.ARBITRATION);
            assertThat(autopay.code()).isEqualTo(Reason.BELOW_MINIMUM_PRIORITY);
            assertThat(autopay.rule()).isEqualTo(Arbitrator.BELOW_MINIMUM);
            assertThat(autopay.reason().offers()).containsExactly("AUTOPAY");
            assertThat(autopay.source()).contains("minimumPriority").contains("10");
            assertThat(autopay.program()).isEqualTo("proactive-service");
        }
    }

    @Test
    void whenEveryOfferIsBelowTheMinimumThereIsNoOfferAndTheReasonNamesTheBest() {
        try (DecisionEngine engine = engine(b -> b.minimumPriority(1000))) {
            Decision d = engine.decide(everyOfferPasses());

            assertThat(d.type()).isEqualTo(DecisionType.NO_OFFER);
            assertThat(d.offers()).isEmpty();
            assertThat(d.offer()).isEmpty();
            assertThat(d.leftOut()).extracting(LeftOut::code).containsOnly(Reason.BELOW_MINIMUM_PRIORITY).hasSize(3);
            Reason headline = d.reason();
            assertThat(headline.code()).isEqualTo(Reason.BELOW_MINIMUM_PRIORITY);
            assertThat(headline.offers()).containsExactly("LOYALTY", "FIBER", "AUTOPAY");
            assertThat(headline.text()).contains("LOYALTY").contains("120.00").contains("1000.00");
        }
    }

    @Test
    void whenRulesLeaveEveryOfferOutTheReasonsNameTheRules() {
        Decision d = basic.decide(negativeCall());

        assertThat(d.type()).isEqualTo(DecisionType.NO_OFFER);
        // The rule that cost the most valuable offer is told first.
        assertThat(d.reasons()).extracting(Reason::stage, Reason::code, Reason::text, Reason::offers).containsExactly(
                tuple(Stage.SUITABILITY, "NEGATIVE_SENTIMENT", "Negative sentiment", List.of("LOYALTY", "FIBER")),
                tuple(Stage.ELIGIBILITY, "AUTOPAY_ONLY_FOR_LATE_PAYERS", "Autopay only for late payers",
                        List.of("AUTOPAY")));
        assertThat(d.leftOut("FIBER").orElseThrow().source()).isEqualTo("suitability.drl.csv row 10");
    }

    /** A current payer at risk, upset on the call: no offer of the basic pack is suitable. */
    static DecisionRequest negativeCall() {
        return DecisionRequest.builder(Customer.builder("C-NEG").churnRisk(0.9).build(),
                Interaction.builder(Channel.INBOUND_VOICE, Intent.BILLING).sentiment(Sentiment.NEGATIVE)
                        .time(CALL_TIME).build()).build();
    }

    @Test
    void everyDecisionAccountsForEveryOfferOnceAndNoOfferAlwaysHasAReason() {
        Set<String> catalog = new HashSet<>();
        basic.catalog().offers().forEach(o -> catalog.add(o.id()));
        int noOffers = 0;
        for (DecisionRequest r : Requests.sample(500)) {
            Decision d = basic.decide(r);
            List<String> seen = new ArrayList<>(ids(d.offers()));
            seen.addAll(ids(d.runnersUp()));
            d.leftOut().forEach(l -> seen.add(l.offerId()));
            assertThat(seen).containsExactlyInAnyOrderElementsOf(catalog);
            if (d.type() == DecisionType.NO_OFFER) {
                noOffers++;
                assertThat(d.reasons()).as("reasons of %s", d).isNotEmpty()
                        .allSatisfy(s -> assertThat(s.text()).isNotBlank());
                assertThat(d.offers()).isEmpty();
                assertThat(d.runnersUp()).isEmpty();
            } else {
                assertThat(d.offers()).hasSize(1);
                assertThat(d.reasons()).isNotEmpty();
            }
        }
        assertThat(noOffers).isPositive();
    }

    @Test
    void equalPrioritiesAreBrokenByCatalogOrder() {
        String zeta = "{\"id\": \"ZETA\", \"name\": \"Z\", \"kind\": \"SERVICE\", \"channels\": [\"INBOUND_VOICE\"],"
                + " \"value\": 50, \"propensity\": 0.2, \"script\": \"Z\", \"program\": \"service\"}";
        String alpha = zeta.replace("ZETA", "ALPHA").replace("\"Z\"", "\"A\"");
        String rules = drl("eligibility", """
                rule "Nothing for vulnerable customers"
                when
                    $s : Situation( vulnerable )
                then
                    $s.leaveOutAll(drools);
                end
                """);
        DecisionRequest request = call(Customer.builder("C-TIE").build(), Intent.BILLING, CALL_TIME);

        for (List<String> order : List.of(List.of(zeta, alpha), List.of(alpha, zeta))) {
            RulePack pack = RulePack.of("ties", List.of(
                    RuleFile.of("catalog.json", "{\"offers\": [" + String.join(",", order) + "]}"),
                    RuleFile.of("eligibility.drl", rules)));
            try (DecisionEngine engine = NextBest.engine().rules(pack).clock(CLOCK).maxOffers(2).build()) {
                List<String> catalogOrder = engine.catalog().offers().stream().map(Offer::id).toList();
                for (int i = 0; i < 5; i++) {
                    Decision d = engine.decide(request);
                    assertThat(d.offers().get(0).score().priority()).isEqualTo(d.offers().get(1).score().priority());
                    assertThat(ids(d.offers())).isEqualTo(catalogOrder);
                }
            }
        }
    }

    @Test
    void decisionsAfterCloseFail() {
        DecisionEngine engine = engine(b -> b);
        engine.decide(everyOfferPasses());
        engine.close();

        assertThat(catchThrowableOfType(IllegalStateException.class, () -> engine.decide(everyOfferPasses())))
                .isNotNull();
    }
}
