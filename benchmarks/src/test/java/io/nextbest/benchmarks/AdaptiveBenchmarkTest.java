package io.nextbest.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Decision;
import io.nextbest.RankedOffer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The adaptive benchmark measures what it says: its learned engine arbitrates on learned propensities. No timing. */
class AdaptiveBenchmarkTest {

    @Test
    void theLearnedEngineScoresOffersWithTheirEvidenceAndTheRulesEngineDoesNot() {
        assertThat(learnedScores("learned")).isPositive();
        assertThat(learnedScores("rules")).isZero();
    }

    private static long learnedScores(String propensity) {
        AdaptiveBenchmark benchmark = new AdaptiveBenchmark();
        benchmark.propensity = propensity;
        benchmark.build();
        try {
            DecisionBenchmark.Cursor cursor = new DecisionBenchmark.Cursor();
            long learned = 0;
            for (int i = 0; i < 200; i++) {
                Decision d = benchmark.decide(cursor);
                learned += Stream.concat(d.offers().stream(), d.runnersUp().stream()).map(RankedOffer::score)
                        .filter(s -> s.learned() != null && s.learned().evidence() > 0).count();
                benchmark.learn(cursor);
            }
            return learned;
        } finally {
            benchmark.close();
        }
    }
}
