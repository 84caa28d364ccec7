package io.nextbest.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.NextBest;
import io.nextbest.QueueType;
import io.nextbest.RankedOffer;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleSetException;
import io.nextbest.Score;
import io.nextbest.json.JsonCodec;
import io.nextbest.validation.Finding;
import io.nextbest.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine whose pack chooses learned propensities for some offers in its {@code learning.csv}. */
class EngineLearningTest {
    static final Path BASIC = Path.of("src/test/resources/packs/basic");
    static final String LEARNING = "target,propensity,meaning\nretention,learned,the retention program learns\n";
    static final Predictors PREDICTORS = Predictors.read("predictors.csv",
            "field,type,meaning\ncustomer.churnRisk,number,risk\ncustomer.segment,symbol,segment\n");

    @TempDir
    Path folder;

    static RulePack basicWith(String learningCsv) {
        List<RuleFile> files = new ArrayList<>(RulePack.directory(BASIC).files());
        files.add(RuleFile.of("learning.csv", learningCsv));
        return RulePack.of("basic+learning", files);
    }

    /** A caller on whom every offer of the basic pack passes every policy; the loyalty offer wins on the rules. */
    static DecisionRequest caller(int i) {
        return DecisionRequest.builder(Customer.builder("C" + i).churnRisk(0.8).billingStatus(BillingStatus.LATE)
                        .build(), Interaction.builder(Channel.INBOUND_VOICE, Intent.BILLING).id("CALL-" + i)
                        .resolved(true).queue(QueueType.SALES).time(Instant.parse("2026-11-23T15:00:00Z")).build())
                .build();
    }

    static Score scoreOf(Decision d, String offerId) {
        return Stream.concat(d.offers().stream(), d.runnersUp().stream()).filter(o -> o.offerId().equals(offerId))
                .findFirst().map(RankedOffer::score).orElseThrow();
    }

    @Test
    void aLearnedOfferStartsFromTheRulesPropensityAndItsScoreSaysSo() {
        Learner learner = Learner.of(PREDICTORS);
        try (DecisionEngine rules = NextBest.engine().rules(basicWith(LEARNING)).build();
             DecisionEngine engine = NextBest.engine().rules(basicWith(LEARNING)).learner(learner).build()) {
            double rulesPropensity = scoreOf(rules.decide(caller(1)), "LOYALTY").propensity();
            Decision d = engine.decide(caller(1));

            Score loyalty = scoreOf(d, "LOYALTY");
            assertThat(loyalty.learned()).isEqualTo(new Score.Learned(rulesPropensity, 0));
            assertThat(loyalty.propensity()).as("a Thompson draw").isNotEqualTo(rulesPropensity);
            assertThat(scoreOf(d, "FIBER").learned()).isNull();
            assertThat(new JsonCodec().write(d)).containsOnlyOnce("\"learned\":{\"estimate\":" + rulesPropensity
                    + ",\"evidence\":0}");
            assertThat(learner.health().decisions()).isEqualTo(1);
        }
    }

    @Test
    void declinesTeachTheEngineToOfferSomethingElse() {
        Learner learner = Learner.of(PREDICTORS);
        try (DecisionEngine engine = NextBest.engine().rules(basicWith(LEARNING)).learner(learner).build()) {
            assertThat(engine.decide(caller(1)).offers().get(0).offerId()).isEqualTo("LOYALTY");
            for (int i = 0; i < 3000; i++) {
                learner.learn(caller(i), "LOYALTY", ContactOutcome.DECLINED);
            }
            Decision d = engine.decide(caller(1));

            assertThat(d.offers().get(0).offerId()).isNotEqualTo("LOYALTY");
            assertThat(learner.estimate(caller(1), "LOYALTY", 0.4, d.decisionId()).mean())
                    .as("3,000 declines against the rules' 0.4, worth 100 outcomes").isLessThan(0.02);
            assertThat(learner.health().models().get(0).evidence()).isEqualTo(3000);
        }
    }

    @Test
    void theSameOutcomesInTheSameOrderGiveTheSameDecisions() {
        List<Decision> first = decisionsAfterLearning();
        List<Decision> second = decisionsAfterLearning();
        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(d -> d.offers().get(0).offerId()).contains("LOYALTY", "FIBER");
    }

    private static List<Decision> decisionsAfterLearning() {
        Learner learner = Learner.of(PREDICTORS);
        try (DecisionEngine engine = NextBest.engine().rules(basicWith(LEARNING)).learner(learner).build()) {
            List<Decision> decisions = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                Decision d = engine.decide(caller(i));
                decisions.add(d);
                learner.learn(caller(i), d.offers().get(0).offerId(), i % 100 == 0 ? ContactOutcome.ACCEPTED
                        : ContactOutcome.DECLINED);
            }
            return decisions;
        }
    }

    @Test
    void aReloadOfTheRulesKeepsTheModels() throws IOException {
        Path pack = Files.createDirectories(folder.resolve("pack"));
        for (RuleFile f : basicWith(LEARNING).files()) {
            Files.writeString(pack.resolve(f.name()), f.text());
        }
        Learner learner = Learner.of(PREDICTORS);
        try (DecisionEngine engine = NextBest.engine().rules(pack).learner(learner).build()) {
            for (int i = 0; i < 50; i++) {
                learner.learn(caller(i), "LOYALTY", ContactOutcome.ACCEPTED);
            }
            Decision before = engine.decide(caller(1));
            Files.writeString(pack.resolve("learning.csv"), LEARNING + "FIBER,learned,fiber learns too\n");

            assertThat(engine.reload()).isTrue();
            Decision after = engine.decide(caller(1));

            assertThat(scoreOf(after, "LOYALTY").learned()).isEqualTo(scoreOf(before, "LOYALTY").learned());
            assertThat(scoreOf(after, "LOYALTY").learned().evidence()).isEqualTo(50);
            assertThat(scoreOf(before, "FIBER").learned()).isNull();
            assertThat(scoreOf(after, "FIBER").learned()).isEqualTo(new Score.Learned(
                    scoreOf(before, "FIBER").propensity(), 0));
        }
    }

    @Test
    void savedModelsDecideTheSameAfterARestart() {
        Path file = folder.resolve("models.json");
        Learner learner = Learner.of(PREDICTORS);
        for (int i = 0; i < 500; i++) {
            learner.learn(caller(i), "LOYALTY", i % 3 == 0);
        }
        learner.save(file);
        try (DecisionEngine before = NextBest.engine().rules(basicWith(LEARNING)).learner(learner).build();
             DecisionEngine after = NextBest.engine().rules(basicWith(LEARNING))
                     .learner(Learner.restore(file, PREDICTORS)).build()) {
            for (int i = 0; i < 20; i++) {
                assertThat(after.decide(caller(i))).isEqualTo(before.decide(caller(i)));
            }
        }
    }

    @Test
    void withoutALearnerEveryOfferKeepsTheRulesPropensity() {
        try (DecisionEngine engine = NextBest.engine().rules(basicWith(LEARNING)).build()) {
            assertThat(scoreOf(engine.decide(caller(1)), "LOYALTY").learned()).isNull();
        }
    }

    @Test
    void aPropensityTheRequestBringsWinsOverTheLearnedOne() {
        DecisionRequest withModel = DecisionRequest.builder(caller(1).customer(), caller(1).interaction())
                .propensity("LOYALTY", 0.5).build();
        try (DecisionEngine engine = NextBest.engine().rules(basicWith(LEARNING)).learner(Learner.of(PREDICTORS))
                .build()) {
            Score loyalty = scoreOf(engine.decide(withModel), "LOYALTY");
            assertThat(loyalty.learned()).isNull();
            assertThat(loyalty.propensity()).isEqualTo(0.5);
        }
    }

    @Test
    void mistakesInTheLearningTableAreReportedAtTheirLineAndColumn() {
        assertThatThrownBy(() -> NextBest.engine().rules(basicWith("""
                target,propensity,meaning
                retention,learned,ok
                upsel,learned,a typo
                FIBER,maybe,not a choice
                retention,rules,again
                """)).build()).isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).extracting(Object::toString)
                        .containsExactly(
                                "learning.csv, line 3, column \"target\": 'upsel' is neither an offer nor a program "
                                        + "of the catalog",
                                "learning.csv, line 4, column \"propensity\": 'maybe' is neither rules nor learned",
                                "learning.csv, line 5, column \"target\": 'retention' is chosen already on line 2"));
    }

    @Test
    void validateReportsMistakesInTheLearningTableAndThePredictorsAtTheirLineAndColumn() {
        List<RuleFile> files = new ArrayList<>(basicWith("""
                target,propensity,meaning
                retention,maybe,not a choice
                """).files());
        files.add(RuleFile.of("predictors.csv", """
                field,type,meaning
                customer.tenureMonths,number,months with us
                customer.churnRisk,numbr,a typo
                """));

        assertThat(new Validator().validate(RulePack.of("basic+learning", files))).extracting(Finding::toString)
                .containsExactlyInAnyOrder(
                        "learning.csv, line 2, column \"propensity\": 'maybe' is neither rules nor learned",
                        "predictors.csv, line 3, column \"type\": 'numbr' is neither number nor symbol");
    }
}
