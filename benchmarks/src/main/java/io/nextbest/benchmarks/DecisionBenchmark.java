package io.nextbest.benchmarks;

import io.nextbest.Decision;
import io.nextbest.DecisionRequest;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One decision with the default pack (70 rules, 30 offers) on requests with 10 purchases and 5 earlier
 * contacts, by the library and by the two yardsticks, on the same pool of generated requests.
 *
 * <p>{@code latency} samples single decisions (p50, p99, p99.9); {@code throughput} and
 * {@code throughputOn2Threads} count decisions per second on one engine shared by the threads. Run with
 * {@code -prof gc} for the bytes each decision allocates ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecisionBenchmark {
    /** Requests in the pool; a power of two, so the next one is a mask away. */
    static final int POOL = 4096;
    static final long SEED = 20261123L;

    @Param({"nextbest", "handwritten", "straightforward"})
    public String impl;

    private Decider engine;
    private DecisionRequest[] requests;

    @Setup(Level.Trial)
    public void build() {
        requests = Traffic.seeded(SEED).purchases(10).contacts(5).requests(POOL).toArray(DecisionRequest[]::new);
        engine = Implementation.named(impl).build();
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    /** Where a thread is in the pool: each thread starts at its own place and cycles through it. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void start(ThreadParams thread) {
            next = thread.getThreadIndex() * (POOL / Math.max(1, thread.getThreadCount()));
        }

        DecisionRequest next(DecisionRequest[] requests) {
            return requests[next++ & (POOL - 1)];
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public Decision latency(Cursor cursor) {
        return engine.decide(cursor.next(requests));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Decision throughput(Cursor cursor) {
        return engine.decide(cursor.next(requests));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Decision throughputOn2Threads(Cursor cursor) {
        return engine.decide(cursor.next(requests));
    }
}
