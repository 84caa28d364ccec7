package io.nextbest.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Decision;
import io.nextbest.DecisionRequest;
import io.nextbest.DecisionType;
import io.nextbest.LeftOut;
import io.nextbest.RankedOffer;
import io.nextbest.Score;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The yardsticks the library is measured against decide as the library does, so the benchmarks
 * compare the same work: the handwritten pack makes the very same decisions (all but the decision id
 * and the rule-set version, which name the implementation); the one-fact-per-offer design makes the
 * same choices, scores and left-out rules.
 */
class SameDecisionsTest {
    static final int REQUESTS = 10_000;
    static final int STRAIGHTFORWARD_REQUESTS = 2_000;

    static List<DecisionRequest> requests;
    static List<Decision> library;

    @BeforeAll
    static void decideWithTheLibrary() {
        requests = Traffic.seeded(DecisionBenchmark.SEED).purchases(10).contacts(5).requests(REQUESTS);
        try (Decider nextbest = Implementation.NEXTBEST.build()) {
            library = requests.stream().map(nextbest::decide).toList();
        }
    }

    @AfterAll
    static void forget() {
        requests = null;
        library = null;
    }

    /** What the comparison of the one-fact-per-offer design looks at. */
    record Outcome(DecisionType type, List<String> offers, List<Score> scores, List<String> runnersUp,
                   Map<String, String> leftOutBy) {

        static Outcome of(Decision d) {
            List<Score> scores = new ArrayList<>();
            d.offers().forEach(o -> scores.add(o.score()));
            d.runnersUp().forEach(o -> scores.add(o.score()));
            Map<String, String> leftOutBy = new LinkedHashMap<>();
            for (LeftOut l : d.leftOut()) {
                leftOutBy.put(l.offerId(), l.rule());
            }
            return new Outcome(d.type(), ids(d.offers()), scores, ids(d.runnersUp()), leftOutBy);
        }

        static List<String> ids(List<RankedOffer> offers) {
            return offers.stream().map(RankedOffer::offerId).toList();
        }
    }


    @Test
    void theTrafficMakesOffersAndNoOffersAndEveryRuleOfThePackLeavesSomethingOut() {
        Map<DecisionType, Long> types = library.stream()
                .collect(Collectors.groupingBy(Decision::type, Collectors.counting()));
        assertThat(types.get(DecisionType.OFFER)).isGreaterThan(REQUESTS / 5);
        assertThat(types.get(DecisionType.NO_OFFER)).isGreaterThan(REQUESTS / 20);

        Set<String> reasons = new TreeSet<>();
        library.forEach(d -> d.leftOut().forEach(l -> reasons.add(l.rule())));
        // 20 eligibility, 15 applicability and 11 suitability rules, and the minimum priority.
        assertThat(reasons).hasSize(47);
    }

    @Test
    void theHandwrittenPackMakesTheLibrarysDecisionsToTheLastWord() {
        try (Decider handwritten = Implementation.HANDWRITTEN.build()) {
            for (int i = 0; i < REQUESTS; i++) {
                Decision expected = library.get(i);
                Decision actual = handwritten.decide(requests.get(i));
                // The id and the version name the implementation: take the library's, compare the rest.
                Decision sameNames = new Decision(expected.decisionId(), actual.customerId(), actual.type(),
                        actual.offers(), actual.runnersUp(), actual.leftOut(), actual.reasons(),
                        expected.ruleSetVersion(), actual.decidedAt());
                assertThat(sameNames).as("request %d: %s", i, requests.get(i)).isEqualTo(expected);
            }
        }
    }

    @Test
    void theOneFactPerOfferDesignMakesTheLibrarysDecisions() {
        try (Decider straightforward = Implementation.STRAIGHTFORWARD.build()) {
            for (int i = 0; i < STRAIGHTFORWARD_REQUESTS; i++) {
                Decision expected = library.get(i);
                Decision actual = straightforward.decide(requests.get(i));
                assertThat(Outcome.of(actual))
                        .as("request %d: %s%nthe library decided %s", i, requests.get(i), expected)
                        .isEqualTo(Outcome.of(expected));
            }
        }
    }
}
