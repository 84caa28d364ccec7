package io.nextbest.benchmarks;

import io.nextbest.ContactOutcome;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.NextBest;
import io.nextbest.Offer;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.learning.Learner;
import io.nextbest.learning.Predictors;
import io.nextbest.rules.DefaultRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What learned propensities cost: {@code decide} with the default pack as it is ({@code propensity=rules})
 * against the same pack whose {@code learning.csv} makes every program learn ({@code learned}), with a
 * learner that has already learned from 20,000 outcomes spread over the 30 offers; and {@code learn}, one
 * outcome per call, so that its score is outcomes per second.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AdaptiveBenchmark {
    static final String PREDICTORS = """
            field,type,meaning
            customer.tenureMonths,number,months with us
            customer.churnRisk,number,the upstream churn model's risk
            customer.lifetimeValue,number,what the customer has paid
            customer.segment,symbol,segment
            customer.billingStatus,symbol,billing status
            interaction.channel,symbol,channel
            interaction.intent,symbol,why they called
            purchases.count,number,earlier purchases
            contacts.count,number,earlier contacts
            """;

    @Param({"rules", "learned"})
    public String propensity;

    private DecisionEngine engine;
    private Learner learner;
    private DecisionRequest[] requests;
    private String[] offers;

    @Setup(Level.Trial)
    public void build() {
        requests = Traffic.seeded(DecisionBenchmark.SEED).purchases(10).contacts(5).requests(DecisionBenchmark.POOL)
                .toArray(DecisionRequest[]::new);
        RulePack pack = DefaultRules.pack();
        StringBuilder table = new StringBuilder("target,propensity,meaning\n");
        try (DecisionEngine rules = NextBest.engine().rules(pack).build()) {
            rules.catalog().programs().forEach(p -> table.append(p).append(",learned,every program learns\n"));
            offers = rules.catalog().offers().stream().map(Offer::id).toArray(String[]::new);
        }
        learner = Learner.of(Predictors.read("predictors.csv", PREDICTORS));
        NextBest.Builder builder = NextBest.engine();
        if (propensity.equals("learned")) {
            List<RuleFile> files = new ArrayList<>(pack.files());
            files.add(RuleFile.of("learning.csv", table.toString()));
            pack = RulePack.of("default+learning", files);
            builder.learner(learner);
        }
        for (int i = 0; i < 20_000; i++) {
            learner.learn(requests[i & (DecisionBenchmark.POOL - 1)], offers[i % offers.length],
                    i % 9 == 0 ? ContactOutcome.ACCEPTED : ContactOutcome.DECLINED);
        }
        engine = builder.rules(pack).build();
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public Decision decide(DecisionBenchmark.Cursor cursor) {
        return engine.decide(cursor.next(requests));
    }

    /** One outcome learned; the same work whatever {@code propensity} is. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public void learn(DecisionBenchmark.Cursor cursor) {
        int i = cursor.next++;
        learner.learn(requests[i & (DecisionBenchmark.POOL - 1)], offers[i % offers.length], i % 9 == 0);
    }
}
