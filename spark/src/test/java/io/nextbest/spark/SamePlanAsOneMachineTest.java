package io.nextbest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Channel;
import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.outbound.NoContact;
import io.nextbest.outbound.OutboundPlanner;
import io.nextbest.outbound.PlanCollector;
import io.nextbest.outbound.PlanSummary;
import io.nextbest.outbound.PlannedContact;
import io.nextbest.rules.DefaultRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan Spark makes is the plan one machine makes, contact for contact: the same customers, programs,
 * channels, times and reason codes, the same events without a contact, whatever Spark's partitions and the order
 * rows reach the executors. The capacities are small enough that the center's days fill: contacts move to later
 * days and some are given up, and customers in the west are deferred into their calling hours.
 */
class SamePlanAsOneMachineTest {
    /** 100,000 in the build; {@code -Dnextbest.spark.customers=N} for a quicker run. */
    static final int CUSTOMERS = Integer.getInteger("nextbest.spark.customers", 100_000);

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    /** Calls for one customer in 25 a day and texts for one in 10: several days fill on both channels. */
    static Map<Channel, Integer> smallCenter(int customers) {
        return Map.of(Channel.OUTBOUND_VOICE, customers / 25, Channel.SMS, customers / 10);
    }

    /** Each plan as sorted lines, contacts then no-contacts, to compare. */
    record Lines(List<String> planned, List<String> notPlanned) {
    }

    static Lines oneMachine(int customers, Map<Channel, Integer> capacity, String version, PlanSummary summary) {
        PlanCollector plan = new PlanCollector();
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).build()) {
            OutboundPlanner planner = OutboundPlanner.builder(engine)
                    .policy(DefaultRules.outboundPolicy().withCapacity(capacity)).build();
            try (OutboundPlanner.Run run = planner.start(GeneratedPopulation.AT, plan)) {
                for (int i = 0; i < customers; i++) {
                    GeneratedPopulation.Member m = GeneratedPopulation.member(GeneratedPopulation.SEED, i);
                    run.plan(m.recipient(), m.events(), m.history());
                }
            }
        }
        plan.planned().forEach(summary::planned);
        plan.notPlanned().forEach(summary::notPlanned);
        List<String> planned = new ArrayList<>();
        for (PlannedContact c : plan.planned()) {
            planned.add(PlanTables.plan(c, version).mkString("\t"));
        }
        List<String> notPlanned = new ArrayList<>();
        for (NoContact n : plan.notPlanned()) {
            notPlanned.add(PlanTables.notPlanned(n, version).mkString("\t"));
        }
        planned.sort(null);
        notPlanned.sort(null);
        return new Lines(planned, notPlanned);
    }

    static Lines onSpark(SparkPlan plan) {
        List<String> planned = new ArrayList<>(plan.contacts().collectAsList().stream().map(r -> r.mkString("\t"))
                .toList());
        List<String> notPlanned = new ArrayList<>(plan.notPlanned().collectAsList().stream()
                .map(r -> r.mkString("\t")).toList());
        planned.sort(null);
        notPlanned.sort(null);
        return new Lines(planned, notPlanned);
    }

    static SparkPlan plan(SparkPlanner planner, int customers) {
        return planner.plan(GeneratedPopulation.customers(spark, customers, GeneratedPopulation.SEED),
                GeneratedPopulation.events(spark, customers, GeneratedPopulation.SEED),
                GeneratedPopulation.history(spark, customers, GeneratedPopulation.SEED), GeneratedPopulation.AT);
    }

    /** The first lines where two sorted plans part, or {@code null} when they are the same. */
    static String difference(Lines expected, Lines actual) {
        String contacts = difference("contacts", expected.planned(), actual.planned());
        return contacts != null ? contacts : difference("no-contacts", expected.notPlanned(), actual.notPlanned());
    }

    private static String difference(String what, List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return what + " part at line " + i + ":\n  one machine: " + expected.get(i) + "\n  Spark:       "
                        + actual.get(i);
            }
        }
        return expected.size() == actual.size() ? null
                : what + ": " + expected.size() + " on one machine, " + actual.size() + " on Spark";
    }

    @Test
    void sparkPlansEveryGeneratedCustomerAsOneMachineDoesContactForContact() {
        Map<Channel, Integer> capacity = smallCenter(CUSTOMERS);
        SparkPlanner planner = SparkPlanner.builder().capacity(capacity).build();
        PlanSummary expectedSummary = new PlanSummary();
        Lines expected = oneMachine(CUSTOMERS, capacity, planner.ruleSetVersion(), expectedSummary);

        long started = System.nanoTime();
        Lines actual;
        List<String> summary;
        try (SparkPlan plan = plan(planner, CUSTOMERS)) {
            actual = onSpark(plan);
            summary = plan.summary().lines();
            assertThat(plan.ruleSetVersion()).isEqualTo(DefaultRules.pack().contentHash());
        }
        System.out.printf("%,d customers planned on Spark local[2] in %.1f s: %s%n", CUSTOMERS,
                (System.nanoTime() - started) / 1e9, summary.get(0));

        assertThat(difference(expected, actual)).isNull();
        assertThat(summary).isEqualTo(expectedSummary.lines());
        // The plan is only worth comparing if the center's capacity and the calling hours had their say.
        assertThat(expectedSummary.moved()).as("contacts moved to a later day").isPositive();
        assertThat(expectedSummary.deferred()).as("contacts deferred into calling hours").isPositive();
        assertThat(expectedSummary.byReason()).as("contacts given up for capacity")
                .containsKey(NoContact.CAPACITY_FULL);
        assertThat(expectedSummary.byReason().get(NoContact.CAPACITY_FULL)).isPositive();
        assertThat(expectedSummary.byChannel()).containsKeys(Channel.OUTBOUND_VOICE, Channel.SMS, Channel.EMAIL);
    }

    /** The comparison can fail: a twin whose capacity ranks the lowest priority first makes another plan. */
    @Test
    void aPlannerWhoseCapacityRanksContactsInAnotherOrderIsCaughtMakingAnotherPlan() {
        int customers = 2_000;
        Map<Channel, Integer> capacity = smallCenter(customers);
        SparkPlanner twin = SparkPlanner.builder().capacity(capacity).build(List.of(
                org.apache.spark.sql.functions.col("priority"), org.apache.spark.sql.functions.col("customerId"),
                org.apache.spark.sql.functions.col("program"), org.apache.spark.sql.functions.col("event")));
        Lines expected = oneMachine(customers, capacity, twin.ruleSetVersion(), new PlanSummary());

        Lines actual;
        try (SparkPlan plan = plan(twin, customers)) {
            actual = onSpark(plan);
        }

        assertThat(difference(expected, actual)).isNotNull();
        // Only the capacity's order differs: as many contacts, other ones on the full days.
        assertThat(actual.planned()).hasSameSizeAs(expected.planned());
    }

}
