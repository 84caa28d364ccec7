package io.nextbest.rules.outbound;

import static io.nextbest.rules.outbound.OutboundPlannerTest.AT;
import static io.nextbest.rules.outbound.OutboundPlannerTest.BOTH;
import static io.nextbest.rules.outbound.OutboundPlannerTest.customer;
import static io.nextbest.rules.outbound.OutboundPlannerTest.event;
import static io.nextbest.rules.outbound.OutboundPlannerTest.optIn;
import static io.nextbest.rules.outbound.OutboundPlannerTest.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.Channel;
import io.nextbest.DecisionEngine;
import io.nextbest.InvalidRequestException;
import io.nextbest.NextBest;
import io.nextbest.RuleSetException;
import io.nextbest.outbound.CustomerPlan;
import io.nextbest.outbound.NoContact;
import io.nextbest.outbound.OutboundPlanner;
import io.nextbest.outbound.OutboundPolicy;
import io.nextbest.outbound.PlanCollector;
import io.nextbest.outbound.PlanSummary;
import io.nextbest.outbound.PlannedContact;
import io.nextbest.outbound.Recipient;
import io.nextbest.rules.DefaultRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a planner on a cluster needs of the core: one customer planned without the center's capacity, the policy
 * read from its files' bytes, a contact moved or given up for capacity as a run does it, and counts added to a
 * summary in bulk.
 */
class PlanningWithoutCapacityTest {
    static DecisionEngine engine;
    static OutboundPlanner planner;

    @BeforeAll
    static void build() {
        engine = NextBest.engine().rules(DefaultRules.pack()).build();
        planner = OutboundPlanner.builder(engine)
                .policy(DefaultRules.outboundPolicy().withCapacity(Map.of(Channel.OUTBOUND_VOICE, 1))).build();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aCustomerPlannedWithoutCapacityGetsTheRunsContactWithTheLaterDaysItMayMoveTo() {
        Recipient r = recipient(customer("A1"), optIn(Channel.OUTBOUND_VOICE, BOTH));
        CustomerPlan plan = planner.planWithoutCapacity(r, List.of(event("A1", "SUSPICIOUS_ACTIVITY", Map.of()),
                event("A1", "NO_SUCH_EVENT", Map.of())), List.of(), AT);

        PlanCollector run = new PlanCollector();
        try (OutboundPlanner.Run one = planner.start(AT, run)) {
            one.plan(r, List.of(event("A1", "SUSPICIOUS_ACTIVITY", Map.of()), event("A1", "NO_SUCH_EVENT", Map.of())),
                    List.of());
        }
        assertThat(plan.planned()).extracting(CustomerPlan.Candidate::contact).isEqualTo(run.planned());
        assertThat(plan.notPlanned()).isEqualTo(run.notPlanned());
        // The default center in Chicago moves a call up to two days on: 08:00 on Tuesday and on Wednesday there.
        assertThat(plan.planned().get(0).later()).containsExactly(Instant.parse("2026-11-24T14:00:00Z"),
                Instant.parse("2026-11-25T14:00:00Z"));
    }

    @Test
    void aChannelWithoutCapacityGivesItsContactsNoLaterTimes() {
        Recipient r = recipient(customer("A2"), optIn(Channel.EMAIL, BOTH));
        CustomerPlan plan = planner.planWithoutCapacity(r, List.of(event("A2", "OUTAGE", Map.of())), List.of(), AT);

        assertThat(plan.planned()).hasSize(1);
        assertThat(plan.planned().get(0).contact().channel()).isEqualTo(Channel.EMAIL);
        assertThat(plan.planned().get(0).later()).isEmpty();
    }

    @Test
    void anotherCustomersEventIsRefusedWhenPlanningWithoutCapacityToo() {
        Recipient r = recipient(customer("A3"), optIn(Channel.SMS, BOTH));
        assertThatThrownBy(() -> planner.planWithoutCapacity(r, List.of(event("B3", "OUTAGE", Map.of())), List.of(),
                AT)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("event of customer B3");
    }

    @Test
    void aContactMovedForCapacityLosesItsDeferralAndSaysItMoved() {
        Instant night = Instant.parse("2026-11-24T04:30:00Z"); // 22:30 in Chicago: deferred to 08:00
        Recipient r = recipient(customer("A4"), optIn(Channel.OUTBOUND_VOICE, BOTH));
        CustomerPlan plan = planner.planWithoutCapacity(r, List.of(new io.nextbest.outbound.Event("A4", "OUTAGE",
                night, Map.of())), List.of(), night);
        PlannedContact deferred = plan.planned().get(0).contact();
        assertThat(deferred.reasons()).contains(PlannedContact.DEFERRED);

        Instant later = plan.planned().get(0).later().get(0);
        PlannedContact moved = deferred.movedForCapacity(later);

        assertThat(moved.utcTime()).isEqualTo(later);
        assertThat(moved.localTime()).isEqualTo(LocalDateTime.ofInstant(later, deferred.zone()));
        assertThat(moved.reasons()).contains(PlannedContact.MOVED_FOR_CAPACITY).doesNotContain(PlannedContact.DEFERRED);
        assertThat(moved.movedForCapacity(later).reasons()).isEqualTo(moved.reasons());
    }

    @Test
    void aContactGivenUpForCapacityNamesEveryFullDay() {
        Recipient r = recipient(customer("A5"), optIn(Channel.OUTBOUND_VOICE, BOTH));
        PlannedContact c = planner.planWithoutCapacity(r, List.of(event("A5", "OUTAGE", Map.of())), List.of(), AT)
                .planned().get(0).contact();

        NoContact full = NoContact.capacityFull(c, List.of(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24")));

        assertThat(full.reason()).isEqualTo(NoContact.CAPACITY_FULL).isEqualTo("CAPACITY_FULL");
        assertThat(full.details()).containsExactly("OUTBOUND_VOICE: CAPACITY_FULL on 2026-11-23, 2026-11-24");
        assertThat(full.channel()).isEqualTo(Channel.OUTBOUND_VOICE);
        assertThat(full.time()).isEqualTo(c.utcTime());
    }

    @Test
    void aPolicyReadFromItsFilesBytesIsThePolicyReadFromItsFolder() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (String name : OutboundPolicy.FILES) {
            try (InputStream in = DefaultRules.class.getClassLoader()
                    .getResourceAsStream("io/nextbest/rules/outbound/" + name)) {
                files.put(name, in.readAllBytes());
            }
        }
        OutboundPolicy fromBytes = OutboundPolicy.read("broadcast", files);
        OutboundPolicy fromClasspath = DefaultRules.outboundPolicy();

        assertThat(fromBytes.programs()).isEqualTo(fromClasspath.programs());
        assertThat(fromBytes.capacity()).isEqualTo(fromClasspath.capacity());
        assertThat(fromBytes.complianceVersion()).isEqualTo(fromClasspath.complianceVersion());
        Recipient r = recipient(customer("A6").churnRisk(0.85), optIn(Channel.OUTBOUND_VOICE, BOTH));
        List<io.nextbest.outbound.Event> events = List.of(event("A6", "CHURN_RISK_RISEN", Map.of()));
        assertThat(OutboundPlanner.builder(engine).policy(fromBytes).build().planWithoutCapacity(r, events, List.of(), AT))
                .isEqualTo(OutboundPlanner.builder(engine).policy(fromClasspath).build()
                        .planWithoutCapacity(r, events, List.of(), AT));
    }

    @Test
    void aPolicyMissingARequiredFileIsRefusedNamingIt() {
        Map<String, byte[]> files = Map.of("programs.csv", "Program,Kind,Priority,Collection,Actions\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> OutboundPolicy.read("broadcast", files)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("has no caps.csv").hasMessageContaining("has no compliance.csv");
    }

    @Test
    void countsAddedInBulkMakeTheSummaryThatHearingOfEachContactMakes() {
        Recipient r = recipient(customer("A7"), optIn(Channel.OUTBOUND_VOICE, BOTH));
        Instant night = Instant.parse("2026-11-24T04:30:00Z");
        PlannedContact deferred = planner.planWithoutCapacity(r, List.of(new io.nextbest.outbound.Event("A7",
                "OUTAGE", night, Map.of())), List.of(), night).planned().get(0).contact();
        PlannedContact moved = deferred.movedForCapacity(Instant.parse("2026-11-25T14:00:00Z"));
        NoContact full = NoContact.capacityFull(deferred, List.of(LocalDate.parse("2026-11-24")));

        PlanSummary heard = new PlanSummary();
        heard.planned(deferred);
        heard.planned(deferred);
        heard.planned(moved);
        heard.notPlanned(full);
        PlanSummary added = new PlanSummary();
        added.addPlanned("outage", Channel.OUTBOUND_VOICE, true, false, 2);
        added.addPlanned("outage", Channel.OUTBOUND_VOICE, false, true, 1);
        added.addNotPlanned("CAPACITY_FULL", 1);

        assertThat(added.lines()).isEqualTo(heard.lines());
        assertThat(added.deferred()).isEqualTo(2);
        assertThat(added.moved()).isEqualTo(1);
    }
}
