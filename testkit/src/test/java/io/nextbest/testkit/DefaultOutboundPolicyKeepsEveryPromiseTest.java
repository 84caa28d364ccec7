package io.nextbest.testkit;

import io.nextbest.Channel;
import io.nextbest.outbound.OutboundPolicy;
import io.nextbest.outbound.PlanCollector;
import io.nextbest.outbound.ProgramKind;
import io.nextbest.rules.DefaultRules;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;

/**
 * The default outbound policy keeps every promise of outbound planning, at 200 tries a property in the build;
 * {@link DefaultOutboundPolicyLongRun} tries each 1,000 times: {@code ./mvnw -o -q verify -pl testkit -am
 * -Dtest=DefaultOutboundPolicyLongRun -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@PropertyDefaults(tries = 200)
class DefaultOutboundPolicyKeepsEveryPromiseTest extends OutboundPlanProperties {
    @Override
    OutboundPolicy policy() {
        return DefaultRules.outboundPolicy().withCapacity(CAPACITY);
    }

    /**
     * The populations put the promises to the test: contacts are planned, deferred, moved by the capacity,
     * the caps, revoked consents, missing opt-ins and the Do-Not-Call flag and list. (Suppressions and the
     * collection limits have populations of their own: see below.)
     */
    @Property(seed = "20261123")
    @StatisticsReport(StatisticsReportMode.OFF)
    void thePopulationsReachEveryOutcome(@ForAll("populations") List<OutboundCustomer> people,
                                         @ForAll("times") Instant at) {
        PlanCollector plan = plan(people, at);
        Statistics.label("planned").collect(!plan.planned().isEmpty())
                .coverage(c -> c.check(true).percentage(p -> p >= 50));
        Statistics.label("deferred")
                .collect(plan.planned().stream().anyMatch(c -> c.reasons().contains("DEFERRED_TO_CALLING_HOURS")))
                .coverage(c -> c.check(true).percentage(p -> p >= 10));
        Statistics.label("moved for capacity")
                .collect(plan.planned().stream().anyMatch(c -> c.reasons().contains("MOVED_FOR_CAPACITY")))
                .coverage(c -> c.check(true).percentage(p -> p >= 5));
        for (String reason : List.of("CAPACITY_FULL", "CONSENT_REVOKED", "NO_OPT_IN", "DO_NOT_CALL",
                "DO_NOT_CALL_LIST_STALE", "CAP_ONE_A_DAY")) {
            boolean seen = plan.notPlanned().stream().anyMatch(n -> n.reason().equals(reason)
                    || n.details().stream().anyMatch(d -> d.endsWith(": " + reason)));
            Statistics.label(reason).collect(seen).coverage(c -> c.check(true).count(n -> n >= 1));
        }
    }

    /** The populations weary of marketing meet the suppressions; those in debt meet both collection limits. */
    @Property(seed = "20261130")
    @StatisticsReport(StatisticsReportMode.OFF)
    void theFocusedPopulationsReachTheSuppressionsAndTheCollectionLimits(
            @ForAll("weary") List<OutboundCustomer> weary, @ForAll("inDebt") List<OutboundCustomer> inDebt,
            @ForAll("times") Instant at) {
        PlanCollector wearyPlan = plan(weary, at);
        PlanCollector inDebtPlan = plan(inDebt, at);
        for (String reason : List.of("TWO_DECLINES_REST_90", "THREE_IGNORED_REST_30")) {
            Statistics.label(reason).collect(reached(wearyPlan, reason)).coverage(c -> c.check(true).count(n -> n >= 1));
        }
        for (String reason : List.of("COLLECTION_7_IN_7_DAYS", "COLLECTION_AFTER_CONVERSATION")) {
            Statistics.label(reason).collect(reached(inDebtPlan, reason)).coverage(c -> c.check(true).count(n -> n >= 1));
        }
        Statistics.label("collection call planned").collect(inDebtPlan.planned().stream()
                        .anyMatch(c -> c.program().equals("collections") && c.channel() == Channel.OUTBOUND_VOICE))
                .coverage(c -> c.check(true).count(n -> n >= 1));
        Statistics.label("marketing planned").collect(wearyPlan.planned().stream()
                        .anyMatch(c -> c.kind() == ProgramKind.MARKETING))
                .coverage(c -> c.check(true).count(n -> n >= 1));
    }

    private static boolean reached(PlanCollector plan, String reason) {
        return plan.notPlanned().stream().anyMatch(n -> n.reason().equals(reason)
                || n.details().stream().anyMatch(d -> d.endsWith(": " + reason)));
    }
}
