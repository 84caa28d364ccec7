package io.nextbest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.NextBest;
import io.nextbest.QueueType;
import io.nextbest.RuleSetException;
import io.nextbest.RuleSetInfo;
import io.nextbest.RuleSetListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotReloadTest {
    static final Path BASIC = Path.of("src/test/resources/packs/basic");

    @TempDir
    Path rules;

    static DecisionRequest atRiskCaller(int i) {
        Customer c = Customer.builder("C" + i).churnRisk(0.5 + (i % 50) / 100.0).build();
        return DecisionRequest.builder(c, Interaction.builder(Channel.INBOUND_VOICE, Intent.BILLING)
                .resolved(true).queue(QueueType.SALES).time(Instant.parse("2026-11-23T15:00:00Z")).build()).build();
    }

    void copyBasicPack() throws IOException {
        try (var files = Files.list(BASIC)) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
    }

    /** A valid edit: the retention propensity factor changes, so decisions differ between versions. */
    void writeGoodEdit(int n) throws IOException {
        Files.writeString(rules.resolve("arbitration.drl"), Files.readString(BASIC.resolve("arbitration.drl"))
                .replace("$risk * 0.5", "$risk * 0." + (10 + n)));
    }

    void writeBrokenEdit(int n) throws IOException {
        if (n % 2 == 0) {
            Files.writeString(rules.resolve("arbitration.drl"), "package broken;\nrule \"half a rule\" when\n");
        } else {
            Files.writeString(rules.resolve("catalog.json"), "{\"offers\": [ {\"id\": \"X\"} ]}");
        }
    }

    void restoreCatalog() throws IOException {
        Files.copy(BASIC.resolve("catalog.json"), rules.resolve("catalog.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void decisionsGoOnWhileTheRulesAreEditedFiftyTimesAndEveryVersionUsedHadValidated() throws Exception {
        copyBasicPack();
        Set<String> validated = ConcurrentHashMap.newKeySet();
        List<RuleSetException> rejected = new CopyOnWriteArrayList<>();
        DecisionEngine engine = NextBest.engine().rules(rules).listener(new RuleSetListener() {
            @Override
            public void loaded(RuleSetInfo ruleSet) {
                validated.add(ruleSet.version());
            }

            @Override
            public void rejected(RuleSetException problems) {
                rejected.add(problems);
            }
        }).build();
        validated.add(engine.ruleSet().version());

        AtomicBoolean editing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> deciders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            deciders.add(pool.submit(() -> {
                List<String> versions = new ArrayList<>();
                int i = 0;
                while (editing.get()) {
                    Decision d = engine.decide(atRiskCaller(i++));
                    versions.add(d.ruleSetVersion());
                }
                return versions;
            }));
        }
        int broken = 0;
        for (int edit = 0; edit < 50; edit++) {
            if (edit % 5 == 4) {
                writeBrokenEdit(edit);
                broken++;
            } else {
                restoreCatalog();
                writeGoodEdit(edit);
            }
            engine.reload();
        }
        editing.set(false);
        List<String> used = new ArrayList<>();
        for (Future<List<String>> f : deciders) {
            used.addAll(f.get(1, TimeUnit.MINUTES));
        }
        pool.shutdown();
        engine.close();

        assertThat(used).isNotEmpty();
        assertThat(validated).containsAll(Set.copyOf(used));
        assertThat(rejected).hasSize(broken);
        assertThat(validated).hasSizeGreaterThan(30);
    }

    @Test
    void aBrokenEditNeverReplacesTheLastGoodRuleSet() throws Exception {
        copyBasicPack();
        try (DecisionEngine engine = NextBest.engine().rules(rules).build()) {
            String good = engine.ruleSet().version();
            writeBrokenEdit(0);
            assertThat(engine.reload()).isFalse();
            assertThat(engine.ruleSet().version()).isEqualTo(good);
            assertThat(engine.decide(atRiskCaller(1)).ruleSetVersion()).isEqualTo(good);
        }
    }

    @Test
    void aWatchedFolderPicksUpAnEditWithoutACall() throws Exception {
        copyBasicPack();
        CopyOnWriteArrayList<String> loaded = new CopyOnWriteArrayList<>();
        try (DecisionEngine engine = NextBest.engine().rules(rules).watch(Duration.ofMillis(50))
                .listener(new RuleSetListener() {
                    @Override
                    public void loaded(RuleSetInfo ruleSet) {
                        loaded.add(ruleSet.version());
                    }
                }).build()) {
            double before = engine.decide(atRiskCaller(30)).offer().orElseThrow().score().propensity();
            writeGoodEdit(70);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (loaded.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(loaded).hasSize(1);
            Decision after = engine.decide(atRiskCaller(30));
            assertThat(after.ruleSetVersion()).isEqualTo(loaded.get(0));
            assertThat(after.offer().orElseThrow().score().propensity()).isNotEqualTo(before);
        }
    }
}
