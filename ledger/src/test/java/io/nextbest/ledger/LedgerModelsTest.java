package io.nextbest.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.nextbest.RulePack.RuleFile;
import io.nextbest.learning.Learner;
import io.nextbest.learning.Predictors;
import io.nextbest.rules.DefaultRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's models kept in the ledger's database: restored on restart, kept by a reload of the rules. */
class LedgerModelsTest {
    static final Predictors PREDICTORS = Predictors.read("predictors.csv", """
            field,type,meaning
            customer.tenureMonths,number,months with us
            customer.churnRisk,number,the upstream churn model's risk
            interaction.intent,symbol,why they called
            """);
    private static final Instant NOV_23 = Instant.parse("2026-11-23T15:05:00Z");
    private static final String RETENTION_LEARNS = "target,propensity,meaning\nretention,learned,it learns\n";

    @TempDir
    Path folder;

    /** Callers at risk of leaving, each their own: the default pack offers them retention. */
    static DecisionRequest caller(int i) {
        Customer customer = Customer.builder("M" + i).tenureMonths(6 + i % 60).churnRisk(0.55 + (i % 40) / 100.0)
                .consents(Channel.INBOUND_VOICE).build();
        Interaction call = Interaction.builder(Channel.INBOUND_VOICE, i % 2 == 0 ? Intent.BILLING : Intent.CANCELLATION)
                .resolved(true).queue(QueueType.SERVICE).time(NOV_23).build();
        return DecisionRequest.builder(customer, call).build();
    }

    private Path pack(String learningCsv) throws IOException {
        Path pack = Files.createDirectories(folder.resolve("pack"));
        for (RuleFile f : DefaultRules.pack().files()) {
            Files.writeString(pack.resolve(f.name()), f.text());
        }
        Files.writeString(pack.resolve("learning.csv"), learningCsv);
        return pack;
    }

    private Ledger.Builder ledger() {
        return Ledger.builder().file(folder.resolve("ledger.db")).holdout(0);
    }

    @Test
    void aRestartedEngineOnTheSameLedgerDecidesWithTheSamePropensities() throws IOException {
        Path pack = pack(RETENTION_LEARNS);
        List<Decision> before = new ArrayList<>();
        List<Learner.Health> learned = new ArrayList<>();
        try (Ledger ledger = ledger().build();
             DecisionEngine engine = ledger.engine(NextBest.engine().rules(pack)
                     .learner(ledger.learner(PREDICTORS)).build())) {
            Learner learner = ledger.learner(PREDICTORS);
            for (int i = 0; i < 400; i++) {
                Decision d = engine.decide(caller(i));
                for (RankedOffer o : d.offers()) {
                    learner.learn(caller(i), o.offerId(), i % 3 == 0 ? ContactOutcome.ACCEPTED : ContactOutcome.DECLINED);
                }
            }
            // A reload of the rules (a new learning.csv) keeps what was learned.
            Files.writeString(pack.resolve("learning.csv"), RETENTION_LEARNS + "welcome,learned,so does welcome\n");
            assertThat(engine.reload()).isTrue();
            for (int i = 1000; i < 1020; i++) {
                before.add(engine.decide(caller(i)));
            }
            learned.add(learner.health());
        }
        assertThat(before).as("learned propensities with evidence decide these callers")
                .anyMatch(d -> d.isOffer() && d.offers().get(0).score().learned() != null
                        && d.offers().get(0).score().learned().evidence() > 0);

        try (Ledger reopened = ledger().build();
             DecisionEngine engine = reopened.engine(NextBest.engine().rules(pack)
                     .learner(reopened.learner(PREDICTORS)).build())) {
            assertThat(reopened.learner(PREDICTORS).health().models()).isEqualTo(learned.get(0).models());
            for (int i = 1000; i < 1020; i++) {
                assertThat(engine.decide(caller(i))).isEqualTo(before.get(i - 1000));
            }
        }
    }

    @Test
    void saveModelsPutsThemOnDiskAtOnceAndANewLedgerStartsWithNone() {
        try (Ledger ledger = ledger().build()) {
            assertThat(ledger.learner(PREDICTORS).health().models()).isEmpty();
            assertThatThrownBy(() -> ledger.learner(Predictors.read("other.csv",
                    "field,type,meaning\ncustomer.segment,symbol,segment\n")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("other predictors");
            ledger.learner(PREDICTORS).learn(caller(1), "RET-CONTRACT-RENEWAL", true);
            ledger.saveModels();
            // A second ledger on the same file, while the first is open: the save is committed.
            try (Ledger other = ledger().build()) {
                assertThat(other.learner(PREDICTORS).health().models()).singleElement()
                        .satisfies(m -> assertThat(m.evidence()).isEqualTo(1));
            }
        }
    }

    @Test
    void savingWithoutALearnerIsRefused() {
        try (Ledger ledger = ledger().build()) {
            assertThatThrownBy(ledger::saveModels).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("learner(predictors)");
        }
    }

    @Test
    void modelsLearnedOnOtherPredictorsAreRefusedNamingTheTable() {
        try (Ledger ledger = ledger().build()) {
            ledger.learner(PREDICTORS).learn(caller(1), "RET-CONTRACT-RENEWAL", true);
        }
        Predictors other = Predictors.read("other.csv", "field,type,meaning\ncustomer.segment,symbol,segment\n");
        try (Ledger reopened = ledger().build()) {
            assertThatThrownBy(() -> reopened.learner(other)).isInstanceOf(LedgerException.class)
                    .hasMessageContaining("table learned_models").hasMessageContaining("other predictors");
        }
    }

    @Test
    void aDamagedModelsRowIsAClearError() throws Exception {
        try (Ledger ledger = ledger().build()) {
            ledger.learner(PREDICTORS).learn(caller(1), "RET-CONTRACT-RENEWAL", true);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("ledger.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE learned_models SET models = '{\"format\":1,\"predictors\":'");
        }
        try (Ledger reopened = ledger().build()) {
            assertThatThrownBy(() -> reopened.learner(PREDICTORS)).isInstanceOf(LedgerException.class)
                    .hasMessageContaining("table learned_models").hasMessageContaining("is not a models file");
        }
    }
}
