package io.nextbest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Channel;
import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.outbound.OutboundPlanner;
import io.nextbest.outbound.OutboundPolicy;
import io.nextbest.outbound.PlanCollector;
import io.nextbest.rules.DefaultRules;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The promises of outbound planning, as properties over generated populations: a subclass names the policy
 * planned with (the default one, or one broken on purpose, which must make its property fail). The engine is
 * the default pack's, built once for every container.
 */
abstract class OutboundPlanProperties {
    /** The center's capacity the promises hold the plan to: small, so that it fills. */
    static final Map<Channel, Integer> CAPACITY = Map.of(Channel.OUTBOUND_VOICE, 3, Channel.SMS, 6, Channel.EMAIL, 6);

    private static DecisionEngine engine;

    @BeforeContainer
    static void buildEngine() {
        if (engine == null) {
            engine = NextBest.engine().rules(DefaultRules.pack()).build();
        }
    }

    @AfterContainer
    static void closeEngine() {
        engine.close();
        engine = null;
    }

    /** The policy to plan with. */
    abstract OutboundPolicy policy();

    private OutboundPlanner planner;

    private OutboundPlanner planner() {
        if (planner == null) {
            planner = OutboundPlanner.builder(engine).policy(policy()).build();
        }
        return planner;
    }

    PlanCollector plan(List<OutboundCustomer> population, Instant at) {
        PlanCollector plan = new PlanCollector();
        try (OutboundPlanner.Run run = planner().start(at, plan)) {
            for (OutboundCustomer c : population) {
                run.plan(c.recipient(), c.events(), c.history());
            }
        }
        return plan;
    }

    static Map<String, OutboundCustomer> byId(List<OutboundCustomer> population) {
        Map<String, OutboundCustomer> people = new LinkedHashMap<>();
        population.forEach(p -> people.put(p.id(), p));
        return people;
    }

    @Provide
    Arbitrary<List<OutboundCustomer>> populations() {
        return Outbound.populations().ofSize(1, 12);
    }

    @Provide
    Arbitrary<Instant> times() {
        return Outbound.planTimes();
    }

    @Property
    void noContactIsPlannedOutsideTheCustomersCallingHours(@ForAll("populations") List<OutboundCustomer> people,
                                                           @ForAll("times") Instant at) {
        assertThat(OutboundPromises.outsideCallingHours(byId(people), plan(people, at).planned())).isEmpty();
    }

    @Property
    void noCallGoesToADoNotCallCustomerNorMarketingOnAStaleList(@ForAll("populations") List<OutboundCustomer> people,
                                                                @ForAll("times") Instant at) {
        assertThat(OutboundPromises.doNotCall(byId(people), plan(people, at).planned())).isEmpty();
    }

    @Property
    void noContactIsPlannedWithoutConsent(@ForAll("populations") List<OutboundCustomer> people,
                                          @ForAll("times") Instant at) {
        assertThat(OutboundPromises.withoutConsent(byId(people), plan(people, at).planned())).isEmpty();
    }

    @Property
    void noContactIsPlannedPastARevocation(@ForAll("populations") List<OutboundCustomer> people,
                                           @ForAll("times") Instant at) {
        assertThat(OutboundPromises.pastARevocation(byId(people), plan(people, at).planned())).isEmpty();
    }

    @Property
    void noMarketingContactGoesOverAnyCap(@ForAll("populations") List<OutboundCustomer> people,
                                          @ForAll("times") Instant at) {
        assertThat(OutboundPromises.overACap(byId(people), plan(people, at).planned())).isEmpty();
    }

    @Property
    void capacityIsNeverExceededAndFilledInPriorityOrder(@ForAll("populations") List<OutboundCustomer> people,
                                                         @ForAll("times") Instant at) {
        PlanCollector plan = plan(people, at);
        assertThat(OutboundPromises.overCapacityOrOutOfOrder(CAPACITY, plan.planned(), plan.notPlanned())).isEmpty();
    }

    @Property
    void aDeferredContactLandsInTheNextAllowedWindow(@ForAll("populations") List<OutboundCustomer> people,
                                                     @ForAll("times") Instant at) {
        assertThat(OutboundPromises.notInTheNextAllowedWindow(byId(people), at, plan(people, at).planned())).isEmpty();
    }

    @Property
    void theSameInputGivesTheSamePlan(@ForAll("populations") List<OutboundCustomer> people,
                                      @ForAll("times") Instant at) {
        assertThat(plan(people, at)).isEqualTo(plan(people, at));
    }
}
