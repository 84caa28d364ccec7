package io.nextbest.benchmarks;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Interaction;
import io.nextbest.NextBest;
import io.nextbest.ledger.Ledger;
import io.nextbest.ledger.Outcome;
import io.nextbest.ledger.OutcomeType;
import io.nextbest.ledger.WhenFull;
import io.nextbest.rules.DefaultRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The ledger's cost and pace, with the default pack, the ledger in a SQLite file:
 * <ul>
 * <li>{@code decide} with {@code ledger=off} and {@code ledger=drop} (the default policy, {@link WhenFull#DROP}):
 *     the medians to compare; the records dropped, if any, are printed at the end of the trial;
 * <li>{@code decideAndRecord} with {@code ledger=wait} ({@link WhenFull#WAIT}): one decision and one outcome
 *     per operation, at the pace the database sustains, nothing dropped.
 * </ul>
 *
 * <p>Run by {@code benchmarks/run} (alone: {@code benchmarks/run quick costs}), which prints the figures
 * against the targets ({@link CostSummary}).
 *
 * <p>Each pass over the pool moves the requests' time by a millisecond, so that every decision has an id
 * of its own and is a new row, as in a real center; both settings pay for that copy.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 2)
public class LedgerBenchmark {
    static final int POOL = 4096;

    @Param({"off", "drop", "wait"})
    public String ledger;

    private DecisionRequest[] requests;
    private DecisionEngine rules;
    private DecisionEngine engine;
    private Ledger open;
    private Path folder;
    private long next;

    @Setup(Level.Trial)
    public void build() throws IOException {
        requests = Traffic.seeded(DecisionBenchmark.SEED).purchases(10).contacts(5).requests(POOL)
                .toArray(DecisionRequest[]::new);
        rules = NextBest.engine().rules(DefaultRules.pack()).build();
        engine = rules;
        if (!ledger.equals("off")) {
            folder = Files.createTempDirectory("nextbest-ledger-benchmark");
            open = Ledger.builder().file(folder.resolve("ledger.db"))
                    .whenFull(ledger.equals("wait") ? WhenFull.WAIT : WhenFull.DROP).build();
            engine = open.engine(rules);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        rules.close();
        if (open != null) {
            System.out.println("Ledger: " + open.dropped() + " records dropped");
            open.close();
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private DecisionRequest nextRequest() {
        long n = next++;
        DecisionRequest r = requests[(int) (n & (POOL - 1))];
        Interaction i = r.interaction();
        Interaction moved = new Interaction(i.id(), i.channel(), i.intent(), i.sentiment(), i.resolved(),
                i.handleTimeSeconds(), i.targetHandleTimeSeconds(), i.queue(), i.time().plusMillis(n / POOL));
        return new DecisionRequest(r.customer(), moved, r.purchases(), r.contacts(), r.propensities());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public Decision decide() {
        return engine.decide(nextRequest());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Decision decideAndRecord() {
        Decision decision = engine.decide(nextRequest());
        if (open != null) {
            open.record(new Outcome(decision.decisionId(), OutcomeType.IGNORED, 0, 30));
        }
        return decision;
    }
}
