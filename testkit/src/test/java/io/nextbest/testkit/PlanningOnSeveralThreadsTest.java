package io.nextbest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.outbound.OutboundPlanner;
import io.nextbest.outbound.OutboundPolicy;
import io.nextbest.outbound.PlanCollector;
import io.nextbest.rules.DefaultRules;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A run on several threads makes the plan a run on one thread makes, contact for contact and in the same order:
 * over populations of many batches of customers, with the center's capacity small enough that contacts give way.
 */
class PlanningOnSeveralThreadsTest {
    static DecisionEngine engine;

    @BeforeContainer
    static void build() {
        engine = NextBest.engine().rules(DefaultRules.pack()).build();
    }

    @AfterContainer
    static void close() {
        engine.close();
    }

    @Provide
    Arbitrary<List<OutboundCustomer>> manyBatches() {
        return Outbound.populations().ofSize(700, 700);
    }

    @Property(tries = 3, seed = "20261130", shrinking = ShrinkingMode.OFF)
    void aPlanOnThreeThreadsIsThePlanOnOne(@ForAll("manyBatches") List<OutboundCustomer> people,
                                           @ForAll("times") Instant at) {
        OutboundPolicy policy = DefaultRules.outboundPolicy().withCapacity(OutboundPlanProperties.CAPACITY);

        PlanCollector one = plan(OutboundPlanner.builder(engine).policy(policy).build(), people, at);
        PlanCollector three = plan(OutboundPlanner.builder(engine).policy(policy).threads(3).build(), people, at);

        assertThat(one.planned()).isNotEmpty();
        assertThat(one.notPlanned()).anyMatch(n -> n.reason().equals("CAPACITY_FULL"));
        assertThat(three.planned()).containsExactlyElementsOf(one.planned());
        assertThat(three.notPlanned()).containsExactlyElementsOf(one.notPlanned());
    }

    @Provide
    Arbitrary<Instant> times() {
        return Outbound.planTimes();
    }

    static PlanCollector plan(OutboundPlanner planner, List<OutboundCustomer> people, Instant at) {
        PlanCollector plan = new PlanCollector();
        try (OutboundPlanner.Run run = planner.start(at, plan)) {
            for (OutboundCustomer c : people) {
                run.plan(c.recipient(), c.events(), c.history());
            }
        }
        return plan;
    }
}
