package io.nextbest.testkit.defaultpack;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.OfferKind;
import io.nextbest.RankedOffer;
import io.nextbest.RulePack;
import io.nextbest.rules.DefaultRules;
import io.nextbest.testkit.DecisionInvariantProperties;
import io.nextbest.testkit.RequestArbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;

/**
 * The default pack keeps every invariant of the catalogue, on 1,000 requests each; and those requests
 * reach its programs, so that the invariants are put to the test rather than met by "no offer".
 */
@PropertyDefaults(tries = 1000)
class DefaultPackKeepsEveryInvariantTest extends DecisionInvariantProperties {

    @Override
    protected RulePack rules() {
        return DefaultRules.pack();
    }

    /** Any request, and among the outbound ones half planned from events, so that every outbound program is reached. */
    @Override
    protected RequestArbitrary requests(DecisionEngine engine) {
        return super.requests(engine).plannedFromEvents(50);
    }

    /** A fixed seed: the rarest programs win about one request in a hundred, and the count must not be luck. */
    @Property(seed = "20261123")
    @StatisticsReport(StatisticsReportMode.OFF)
    void theRequestsReachEveryProgramOfThePack(@ForAll("requests") DecisionRequest request) {
        Decision d = invariants().engine().decide(request);
        Statistics.label("decision").collect(d.type().name())
                .coverage(c -> c.check("OFFER").percentage(p -> p >= 20 && p <= 60));
        Statistics.label("program").collect(d.offer().map(RankedOffer::program).orElse("none")).coverage(c -> {
            for (String program : invariants().engine().catalog().programs()) {
                c.check(program).count(n -> n >= 1);
            }
        });
        Statistics.label("sales offer").collect(d.offers().stream().anyMatch(o -> o.kind() == OfferKind.SALES))
                .coverage(c -> c.check(true).percentage(p -> p >= 1));
        Statistics.label("outbound offer").collect(d.isOffer() && request.interaction().channel().isOutbound())
                .coverage(c -> c.check(true).percentage(p -> p >= 0.5));
    }
}
