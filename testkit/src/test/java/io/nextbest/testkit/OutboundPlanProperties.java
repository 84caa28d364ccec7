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
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The promises of outbound planning, as properties over generated populations: a subclass names the policy
 * planned with (the default one, or one broken on purpose, which must make its property fail). The engine is
 * the default pack's, built once for every container.
 */
abstract class OutboundPlanProperties {
    /** The center's capacity the promises hold the plan to: small, so that it fills. */
    static final Map<Channel, Integer> CAPACITY = Map.of(Channel.OUTBOUND_VOICE, 1, Channel.SMS, 2, Channel.EMAIL, 2);

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

    /** The engine to plan with: the default pack's; a subclass may wrap it to break it. */
    DecisionEngine engine(DecisionEngine pack) {
        return pack;
    }

    private OutboundPlanner planner() {
        if (planner == null) {
            planner = OutboundPlanner.builder(engine(engine)).policy(policy()).build();
        }
        return planner;
    }

    /** The time zone of the center's day on each channel with a capacity. */
    Map<Channel, ZoneId> centerZones() {
        Map<Channel, ZoneId> zones = new EnumMap<>(Channel.class);
        CAPACITY.keySet().forEach(c -> zones.put(c, planner().policy().centerZone(c)));
        return zones;
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
    Arbitrary<List<OutboundCustomer>> inDebt() {
        return Outbound.populations().withCollectionCalls().ofSize(1, 8);
    }

    @Provide
    Arbitrary<List<OutboundCustomer>> weary() {
        return Outbound.populations().withMarketingFatigue().ofSize(1, 8);
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
        assertThat(OutboundPromises.overCapacityOrOutOfOrder(CAPACITY, centerZones(), byId(people), at,
                plan.planned(), plan.notPlanned())).isEmpty();
    }

    @Property
    void aDeferredContactLandsInTheNextAllowedWindow(@ForAll("populations") List<OutboundCustomer> people,
                                                     @ForAll("times") Instant at) {
        assertThat(OutboundPromises.notInTheNextAllowedWindow(byId(people), at, centerZones(),
                plan(people, at).planned())).isEmpty();
    }

    @Property
    void noMarketingContactIsPlannedWhileASuppressionHolds(@ForAll("weary") List<OutboundCustomer> people,
                                                           @ForAll("times") Instant at) {
        assertThat(OutboundPromises.suppressed(byId(people), plan(people, at).planned())).isEmpty();
    }

    @Property
    void noCollectionCallBreaksTheCollectionLimits(@ForAll("inDebt") List<OutboundCustomer> people,
                                                   @ForAll("times") Instant at) {
        assertThat(OutboundPromises.overCollectionLimits(byId(people), plan(people, at).planned())).isEmpty();
    }

    /** Not shrunk: a plan that differs between two runs may not differ again on a smaller population. */
    @Property(shrinking = ShrinkingMode.OFF)
    void theSameInputGivesTheSamePlan(@ForAll("populations") List<OutboundCustomer> people,
                                      @ForAll("times") Instant at) {
        assertThat(plan(people, at)).isEqualTo(plan(people, at));
    }
}
