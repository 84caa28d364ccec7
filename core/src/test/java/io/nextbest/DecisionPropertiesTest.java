package io.nextbest;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.json.JsonCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** What holds for every valid request, whatever the customer, the history or the interaction. */
class DecisionPropertiesTest {
    private static final JsonCodec JSON = new JsonCodec();
    private static DecisionEngine engine;

    @BeforeContainer
    static void buildEngine() {
        engine = NextBest.engine().rules(Path.of("src/test/resources/packs/basic"))
                .clock(Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC))
                .maxOffers(2).build();
    }

    @AfterContainer
    static void closeEngine() {
        engine.close();
    }

    @Provide
    Arbitrary<DecisionRequest> requests() {
        return Requests.requests();
    }

    @Property(tries = 300)
    void everyRequestReadsBackFromItsJsonAsItWas(@ForAll("requests") DecisionRequest request) {
        assertThat(JSON.readRequest(JSON.write(request))).isEqualTo(request);
    }

    @Property(tries = 300)
    void everyDecisionReadsBackFromItsJsonAsItWasToTwelveDigitsOfItsScores(
            @ForAll("requests") DecisionRequest request) {
        Decision decision = engine.decide(request);
        String json = JSON.write(decision);
        Decision back = JSON.readDecision(json);

        assertThat(JSON.write(back)).isEqualTo(json);
        assertThat(back).usingRecursiveComparison()
                .withComparatorForType(DecisionPropertiesTest::toTwelveDigits, Double.class)
                .isEqualTo(decision);
    }

    /** Scores are written with twelve significant digits (see JsonCodec). */
    private static int toTwelveDigits(Double a, Double b) {
        return Math.abs(a - b) <= 1e-11 * Math.max(Math.abs(a), Math.abs(b)) ? 0 : Double.compare(a, b);
    }

    @Property(tries = 300)
    void everyOfferIsMadeRankedOrLeftOutExactlyOnce(@ForAll("requests") DecisionRequest request) {
        Decision decision = engine.decide(request);

        List<String> seen = new ArrayList<>();
        decision.offers().forEach(o -> seen.add(o.offerId()));
        decision.runnersUp().forEach(o -> seen.add(o.offerId()));
        decision.leftOut().forEach(l -> seen.add(l.offerId()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                engine.catalog().offers().stream().map(Offer::id).toList());
    }

    @Property(tries = 300)
    void aDecisionWithoutOfferAlwaysSaysWhy(@ForAll("requests") DecisionRequest request) {
        Decision decision = engine.decide(request);

        assertThat(decision.reasons()).isNotEmpty();
        assertThat(decision.isOffer()).isEqualTo(!decision.offers().isEmpty());
        if (!decision.isOffer()) {
            assertThat(decision.type()).isEqualTo(DecisionType.NO_OFFER);
            assertThat(decision.runnersUp()).isEmpty();
        }
    }

    @Property(tries = 300)
    void offersAreRankedByPriorityAndNeverMoreThanTheMaximum(@ForAll("requests") DecisionRequest request) {
        Decision decision = engine.decide(request);

        assertThat(decision.offers()).hasSizeLessThanOrEqualTo(2);
        if (!decision.runnersUp().isEmpty()) {
            assertThat(decision.offers()).hasSize(2);
        }
        List<RankedOffer> ranked = new ArrayList<>(decision.offers());
        ranked.addAll(decision.runnersUp());
        for (int i = 1; i < ranked.size(); i++) {
            double before = ranked.get(i - 1).score().priority();
            double after = ranked.get(i).score().priority();
            assertThat(before).isGreaterThanOrEqualTo(after);
            if (before == after) {
                assertThat(engine.catalog().indexOf(ranked.get(i - 1).offerId()))
                        .isLessThan(engine.catalog().indexOf(ranked.get(i).offerId()));
            }
        }
        for (RankedOffer o : ranked) {
            Score s = o.score();
            assertThat(s.priority()).isEqualTo(s.propensity() * s.contextWeight() * s.businessValue() * s.lever());
        }
    }
}
