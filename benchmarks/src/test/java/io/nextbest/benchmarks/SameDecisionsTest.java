package io.nextbest.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.DecisionType;
import io.nextbest.LeftOut;
import io.nextbest.NextBest;
import io.nextbest.RankedOffer;
import io.nextbest.Score;
import io.nextbest.rules.DefaultRules;
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


    /**
     * The decision with the id and rule-set version of {@code expected}: they name the implementation
     * and its load time, so the rest is what is compared.
     */
    static Decision namedAs(Decision expected, Decision actual) {
        return new Decision(expected.decisionId(), actual.customerId(), actual.type(), actual.offers(),
                actual.runnersUp(), actual.leftOut(), actual.reasons(), expected.ruleSetVersion(), actual.decidedAt());
    }

    @Test
    void theTrafficMakesOffersAndNoOffersAndEveryRuleOfThePackLeavesSomethingOut() {
        Map<DecisionType, Long> types = library.stream()
                .collect(Collectors.groupingBy(Decision::type, Collectors.counting()));
        assertThat(types.get(DecisionType.OFFER)).isGreaterThan(REQUESTS / 5);
        assertThat(types.get(DecisionType.NO_OFFER)).isGreaterThan(REQUESTS / 20);

        Set<String> reasons = new TreeSet<>();
        library.forEach(d -> d.leftOut().forEach(l -> reasons.add(l.rule())));
        // 21 eligibility (one of them outbound.drl.csv's), 15 applicability and 11 suitability rules, and the
        // minimum priority.
        assertThat(reasons).hasSize(48);
    }

    @Test
    void thePackCompiledAtStartMakesThePrecompiledPacksDecisionsToTheLastWord() {
        // The library's decisions above come from the pack precompiled at build time (executable
        // model); an engine made to compile the same files (classic build) must agree on every one.
        try (DecisionEngine precompiled = NextBest.engine().rules(DefaultRules.pack()).build();
             DecisionEngine compiled = NextBest.engine().rules(DefaultRules.pack()).usePrecompiled(false).build()) {
            assertThat(precompiled.ruleSet().precompiled()).isTrue();
            assertThat(compiled.ruleSet().precompiled()).isFalse();
            for (int i = 0; i < REQUESTS; i++) {
                Decision expected = library.get(i);
                Decision actual = compiled.decide(requests.get(i));
                assertThat(namedAs(expected, actual)).as("request %d: %s", i, requests.get(i)).isEqualTo(expected);
            }
        }
    }

    @Test
    void theHandwrittenPackMakesTheLibrarysDecisionsToTheLastWord() {
        try (Decider handwritten = Implementation.HANDWRITTEN.build()) {
            for (int i = 0; i < REQUESTS; i++) {
                Decision expected = library.get(i);
                Decision actual = handwritten.decide(requests.get(i));
                assertThat(namedAs(expected, actual)).as("request %d: %s", i, requests.get(i)).isEqualTo(expected);
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
