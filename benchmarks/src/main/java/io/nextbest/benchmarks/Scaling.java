package io.nextbest.benchmarks;

import io.nextbest.DecisionRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Whether one shared decider scales from one thread to two, told apart from how much CPU the machine
 * gives: decisions per second of wall time, and per second of the deciding threads' CPU time. On a
 * machine shared with other work, wall-time throughput on two threads measures the neighbours too;
 * decisions per CPU-second that stay level from one thread to two show the decider itself does not
 * contend.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.nextbest.benchmarks.Scaling [impl] [seconds]}</pre>
 */
public final class Scaling {
    private Scaling() {
    }

    public static void main(String[] args) throws Exception {
        Implementation implementation = Implementation.named(args.length > 0 ? args[0] : "nextbest");
        long nanos = (long) (Double.parseDouble(args.length > 1 ? args[1] : "3") * 1e9);
        DecisionRequest[] requests = Traffic.seeded(DecisionBenchmark.SEED).requests(DecisionBenchmark.POOL)
                .toArray(DecisionRequest[]::new);
        try (Decider decider = implementation.build()) {
            run(decider, requests, 1, nanos); // warm-up
            run(decider, requests, 2, nanos);
            double[] one = run(decider, requests, 1, nanos);
            double[] two = run(decider, requests, 2, nanos);
            System.out.printf(Locale.ROOT, "%s on 1 thread: %.0f decisions/s, %.0f per CPU-second; on 2 threads: "
                            + "%.0f decisions/s on %.2f cores, %.0f per CPU-second (2 whole cores: about %.0f/s)%n",
                    implementation.name().toLowerCase(Locale.ROOT), one[0], one[1], two[0], two[2], two[1], 2 * two[1]);
        }
    }

    /** Decisions per second of wall time, per CPU-second, and the cores the threads used. */
    private static double[] run(Decider decider, DecisionRequest[] requests, int threads, long nanos) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<long[]>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * requests.length / threads;
                counts.add(executor.submit(() -> {
                    long cpu = mx.getCurrentThreadCpuTime();
                    long end = System.nanoTime() + nanos;
                    long decided = 0;
                    int next = first;
                    while (System.nanoTime() < end) {
                        for (int k = 0; k < 100; k++) {
                            decider.decide(requests[next++ & (requests.length - 1)]);
                        }
                        decided += 100;
                    }
                    return new long[] {decided, mx.getCurrentThreadCpuTime() - cpu};
                }));
            }
            long decided = 0;
            long cpu = 0;
            for (Future<long[]> f : counts) {
                decided += f.get()[0];
                cpu += f.get()[1];
            }
            double wall = (System.nanoTime() - start) / 1e9;
            return new double[] {decided / wall, decided / (cpu / 1e9), cpu / 1e9 / wall};
        } finally {
            executor.shutdown();
        }
    }
}
