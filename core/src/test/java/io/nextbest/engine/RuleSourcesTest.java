package io.nextbest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Channel;
import io.nextbest.Contact;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.NextBest;
import io.nextbest.QueueType;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RuleSourcesTest {
    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

    @Test
    void aRuleWhoseNameIsOnTheLineAfterTheKeywordIsPlacedAtItsLine() {
        try (DecisionEngine engine = NextBest.engine().rules(Path.of("src/test/resources/packs/next-line")).build()) {
            Decision d = engine.decide(DecisionRequest.builder(Customer.builder("C1").build(),
                    Interaction.builder(Channel.INBOUND_VOICE, Intent.COMPLAINT).queue(QueueType.SALES).time(NOW)
                            .build()).build());
            assertThat(d.leftOut("FIBER").orElseThrow().source()).isEqualTo("suitability.drl line 5");
            assertThat(d.leftOut("FIBER").orElseThrow().rule()).isEqualTo("Complaint on this call");
        }
    }

    @Test
    void aDeclineStampedMomentsAfterTheDecisionTimeStillCountsAsADecline() {
        try (DecisionEngine engine = NextBest.engine().rules(Path.of("src/test/resources/packs/next-line")).build()) {
            Customer atRisk = Customer.builder("C2").churnRisk(0.9).build();
            Interaction call = Interaction.builder(Channel.INBOUND_VOICE, Intent.BILLING).resolved(true)
                    .queue(QueueType.SALES).time(NOW).build();
            Contact declinedJustNow = new Contact("LOYALTY", null, Channel.INBOUND_VOICE, NOW.plusSeconds(90),
                    ContactOutcome.DECLINED);
            DecisionRequest request = DecisionRequest.builder(atRisk, call).contact(declinedJustNow).build();
            assertThat(engine.decide(DecisionRequest.builder(atRisk, call).build()).offer().orElseThrow().offerId())
                    .isEqualTo("LOYALTY");
            assertThat(engine.decide(request).leftOut("LOYALTY").orElseThrow().rule())
                    .isEqualTo("Declined within the cool-down");
        }
    }

    @Test
    void anActionArgumentOfTenThousandCharactersIsCheckedOnAThreadWithASmallStack() throws InterruptedException {
        String target = "kind " + "x".repeat(10_000);
        RuleFile table = RuleFile.of("suitability.drl.csv", "RuleSet,io.nextbest.test.suitability\n"
                + "Import,io.nextbest.facts.Situation\n,\nRuleTable Suitability,\nNAME,CONDITION,ACTION\n"
                + ",$s : Situation,\n,\"intent == \"\"$param\"\"\",\"$s.leaveOut(drools, \"\"$param\"\");\"\n"
                + ",Intent,Leave out\nA long target,COMPLAINT," + target + "\n");
        AtomicReference<Object> thrown = new AtomicReference<>();
        Thread builder = new Thread(null, () -> {
            try {
                NextBest.engine().rules(RulePack.of("long", List.of(table, RuleSetCompilerTest.CATALOG))).build()
                        .close();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "builder", 512 * 1024);
        builder.start();
        builder.join();

        // The target names no kind there is: a problem at its cell, not a stack overflow.
        assertThat(thrown.get()).isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
                .singleElement().satisfies(p -> assertThat(p.message()).endsWith("is not an offer kind: use SERVICE, RETENTION, SALES or INFORMATION")));
    }

    @Test
    void aRuleNameOfTenThousandCharactersIsReadOnAThreadWithASmallStack() throws InterruptedException {
        String name = "x".repeat(10_000);
        RuleFile table = RuleFile.of("suitability.drl.csv", "RuleSet,io.nextbest.test.suitability\n"
                + "Import,io.nextbest.facts.Situation\n,\nRuleTable Suitability,\nNAME,CONDITION,ACTION\n"
                + ",$s : Situation,\n,\"intent == \"\"$param\"\"\",\"$s.leaveOut(drools, \"\"$param\"\");\"\n"
                + ",Intent,Leave out\n" + name + ",COMPLAINT,kind SALES\n");
        List<RuleProblem> problems = new ArrayList<>();
        AtomicReference<Object> read = new AtomicReference<>();
        // An engine may be built on any thread; 512 KB is a common stack for a pool's threads.
        Thread reader = new Thread(null, () -> {
            try {
                read.set(RuleSources.toDrl(table, false, problems).get(0));
            } catch (Throwable t) {
                read.set(t);
            }
        }, "reader", 512 * 1024);
        reader.start();
        reader.join();

        assertThat(read.get()).isInstanceOfSatisfying(DrlUnit.class,
                unit -> assertThat(unit.rules()).containsOnlyKeys(name).containsValue("row 9"));
        assertThat(problems).isEmpty();
    }

    @Test
    void theEngineTellsItsOfferLimitAndMinimumPriority() {
        try (DecisionEngine engine = NextBest.engine().rules(Path.of("src/test/resources/packs/basic")).maxOffers(3)
                .minimumPriority(2.5).build()) {
            assertThat(engine.maxOffers()).isEqualTo(3);
            assertThat(engine.minimumPriority()).isEqualTo(2.5);
        }
    }
}
