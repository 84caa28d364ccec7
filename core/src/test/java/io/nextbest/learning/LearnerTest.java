package io.nextbest.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.RuleSetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnerTest {
    static final Predictors PREDICTORS = Predictors.read("predictors.csv", """
            field,type,meaning
            customer.tenureMonths,number,months with us
            customer.attributes.contract,symbol,the kind of contract
            interaction.intent,symbol,why they called
            """);
    static final String OFFER = "RET-PLAN-REVIEW";

    @TempDir
    Path folder;

    static DecisionRequest customer(int i, int tenure, String contract) {
        return DecisionRequest.builder(Customer.builder("C" + i).tenureMonths(tenure).attribute("contract", contract)
                .build(), Interaction.builder(Channel.INBOUND_VOICE, Intent.BILLING).build()).build();
    }

    /**
     * Customers on a month-to-month contract, and new ones, take the offer far more often: a learnable
     * signal, drawn from a fixed seed.
     */
    static List<Object[]> outcomes(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Object[]> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean monthly = random.nextInt(3) == 0;
            int tenure = random.nextInt(72);
            double p = (monthly ? 0.5 : 0.05) * (tenure < 12 ? 1.5 : 0.7);
            list.add(new Object[] {customer(i, tenure, monthly ? "Month-to-month" : "Two year"),
                random.nextDouble() < p});
        }
        return list;
    }

    static Learner learned(List<Object[]> outcomes) {
        Learner learner = Learner.of(PREDICTORS);
        outcomes.forEach(o -> learner.learn((DecisionRequest) o[0], OFFER, (Boolean) o[1]));
        return learner;
    }

    @Test
    void withoutEvidenceAnOfferIsEstimatedAtTheRulesPropensity() {
        Propensity p = Learner.of(PREDICTORS).estimate(customer(1, 3, "Two year"), OFFER, 0.3, "d-1");
        assertThat(p.mean()).isEqualTo(0.3);
        assertThat(p.evidence()).isZero();
        assertThat(p.value()).isBetween(0.0, 1.0);
    }

    @Test
    void theSameOutcomesInTheSameOrderGiveTheSameEstimatesAndDraws() {
        List<Object[]> outcomes = outcomes(3000, 7);
        Learner one = learned(outcomes);
        Learner two = learned(outcomes);
        for (int i = 0; i < 50; i++) {
            DecisionRequest r = customer(i, i, i % 2 == 0 ? "Month-to-month" : "One year");
            assertThat(one.estimate(r, OFFER, 0.1, "d-" + i)).isEqualTo(two.estimate(r, OFFER, 0.1, "d-" + i));
        }
        assertThat(one.health()).isEqualTo(two.health());
    }

    @Test
    void aModelLearnsWhoTakesTheOfferAndRanksThemFirst() {
        Learner learner = learned(outcomes(5000, 11));
        double monthlyNew = learner.estimate(customer(1, 2, "Month-to-month"), OFFER, 0.1, "d").mean();
        double twoYearOld = learner.estimate(customer(2, 60, "Two year"), OFFER, 0.1, "d").mean();
        assertThat(monthlyNew).isGreaterThan(0.4);
        assertThat(twoYearOld).isLessThan(0.08);
        ModelHealth health = learner.health().models().get(0);
        assertThat(health.offerId()).isEqualTo(OFFER);
        assertThat(health.evidence()).isEqualTo(5000);
        assertThat(health.recentOutcomes()).isEqualTo(1000);
        assertThat(health.recentAuc()).isGreaterThan(0.7);
        assertThat(health.topPredictors().get(0).feature()).startsWith("customer.attributes.contract=");
    }

    @Test
    void theRulesPropensityWeighsAsAHundredOutcomes() {
        Learner learner = learned(outcomes(100, 3));
        DecisionRequest r = customer(1, 30, "One year");
        double atZero = learner.estimate(r, OFFER, 0.0, "d").mean();
        double atOne = learner.estimate(r, OFFER, 1.0, "d").mean();
        assertThat(atOne - atZero).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void thompsonDrawsAreReproducibleFromTheDecisionIdAndNarrowWithEvidence() {
        Learner fresh = Learner.of(PREDICTORS);
        DecisionRequest r = customer(1, 30, "One year");
        assertThat(fresh.estimate(r, OFFER, 0.2, "d-42").value()).isEqualTo(fresh.estimate(r, OFFER, 0.2, "d-42").value());
        Learner seasoned = learned(outcomes(20_000, 5));
        double spreadFresh = spread(fresh, r);
        double spreadSeasoned = spread(seasoned, r);
        assertThat(spreadFresh).isGreaterThan(0.02);
        assertThat(spreadSeasoned).isLessThan(spreadFresh / 5);
    }

    private static double spread(Learner learner, DecisionRequest r) {
        double sum = 0;
        double squares = 0;
        int n = 400;
        for (int i = 0; i < n; i++) {
            double v = learner.estimate(r, OFFER, 0.2, "d-" + i).value();
            sum += v;
            squares += v * v;
        }
        return Math.sqrt(squares / n - (sum / n) * (sum / n));
    }

    @Test
    void declinedAndIgnoredAreBothLearnedAsNotTaken() {
        Learner a = Learner.of(PREDICTORS);
        Learner b = Learner.of(PREDICTORS);
        DecisionRequest r = customer(1, 5, "Two year");
        a.learn(r, OFFER, ContactOutcome.DECLINED);
        b.learn(r, OFFER, ContactOutcome.IGNORED);
        assertThat(a.health()).isEqualTo(b.health());
        assertThat(a.health().models().get(0).positives()).isZero();
    }

    @Test
    void savedModelsComeBackExactlyAndGoOnLearningTheSame() throws Exception {
        List<Object[]> outcomes = outcomes(4000, 13);
        Learner whole = learned(outcomes);
        Learner half = learned(outcomes.subList(0, 2000));
        Path file = folder.resolve("models.json");
        half.save(file);
        Learner restored = Learner.restore(file, PREDICTORS);
        outcomes.subList(2000, 4000).forEach(o -> restored.learn((DecisionRequest) o[0], OFFER, (Boolean) o[1]));
        DecisionRequest r = customer(9, 4, "Month-to-month");
        assertThat(restored.estimate(r, OFFER, 0.1, "d")).isEqualTo(whole.estimate(r, OFFER, 0.1, "d"));
        assertThat(restored.health()).isEqualTo(whole.health());
    }

    @Test
    void modelsSavedOnOtherPredictorsAreRefusedNamingTheFile() {
        Path file = folder.resolve("models.json");
        learned(outcomes(10, 1)).save(file);
        Predictors other = Predictors.read("p.csv", "field,type,meaning\ncustomer.churnRisk,number,risk\n");
        assertThatThrownBy(() -> Learner.restore(file, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("other predictors");
    }

    @Test
    void aCorruptModelsFileIsRefusedNamingTheFile() throws Exception {
        Path file = folder.resolve("models.json");
        Files.writeString(file, "{\"format\":1,\"predictors\":");
        assertThatThrownBy(() -> Learner.restore(file, PREDICTORS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": is not a models file");
    }

    @Test
    void aBadPredictorsFileNamesTheLineAndColumnOfEveryMistake() {
        assertThatThrownBy(() -> Predictors.read("predictors.csv", """
                field,type,meaning
                customer.tenureMonths,number,ok
                customer.shoeSize,number,no such field
                customer.attributes.age,integer,not a type
                customer.tenureMonths,number,again
                """)).isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).extracting(Object::toString).containsExactly(
                        "predictors.csv, line 3, column \"field\": 'customer.shoeSize' is not a field a predictor can "
                                + "read: one of customer.tenureMonths, customer.lifetimeValue, customer.churnRisk, "
                                + "customer.segment, customer.region, customer.billingStatus, interaction.channel, "
                                + "interaction.intent, interaction.sentiment, interaction.queue, purchases.count, "
                                + "contacts.count or customer.attributes.NAME",
                        "predictors.csv, line 4, column \"type\": 'integer' is neither number nor symbol",
                        "predictors.csv, line 5, column \"field\": 'customer.tenureMonths' is given twice"));
    }

    @Test
    void learningFromManyThreadsWhileDecidingLosesNoOutcome() throws Exception {
        Learner learner = Learner.of(PREDICTORS);
        List<Object[]> outcomes = outcomes(8000, 17);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int from = t * 2000;
                work.add(pool.submit(() -> outcomes.subList(from, from + 2000).forEach(o -> {
                    learner.learn((DecisionRequest) o[0], OFFER, (Boolean) o[1]);
                    assertThat(learner.estimate((DecisionRequest) o[0], OFFER, 0.1, "d").mean()).isBetween(0.0, 1.0);
                })));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(learner.health().models().get(0).evidence()).isEqualTo(8000);
    }
}
