package io.nextbest.benchmarks;

import io.nextbest.Channel;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.NextBest;
import io.nextbest.outbound.OutboundPlanner;
import io.nextbest.outbound.OutboundPolicy;
import io.nextbest.outbound.PlanSummary;
import io.nextbest.rules.DefaultRules;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans a generated population of outbound customers ({@link Population}) in one run for each number of threads
 * asked for, and reports the customers planned per second beside {@code decide()}'s decisions per second on one
 * thread, measured in the same JVM, and the heap: the most the heap held after a collection, sampled as the run
 * goes, should not grow with the population. Every run must make the same plan: the summaries are compared.
 * Run it with a small heap:
 *
 * <pre>{@code java -Xmx256m -cp benchmarks/target/benchmarks.jar io.nextbest.benchmarks.OutboundPlanning [customers] [decide-seconds] [threads,...]}</pre>
 *
 * <p>Threads default to {@code 1,<processors>}.
 */
public final class OutboundPlanning {
    private OutboundPlanning() {
    }

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        double decideSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        Population population = new Population(DecisionBenchmark.SEED);
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).build()) {
            OutboundPolicy policy = DefaultRules.outboundPolicy().withCapacity(Map.of(Channel.OUTBOUND_VOICE, 20_000));
            OutboundPlanner planner = OutboundPlanner.builder(engine).policy(policy).build();
            plan(planner, population, Math.min(customers, 20_000)); // warm-up
            double decisions = decisionsPerSecond(engine, decideSeconds);

            List<Integer> runs = new ArrayList<>();
            if (args.length > 2) {
                for (String t : args[2].split(",")) {
                    runs.add(Integer.parseInt(t.strip()));
                }
            } else {
                runs.add(1);
                runs.add(Math.max(2, Runtime.getRuntime().availableProcessors()));
            }
            List<String> first = null;
            for (int threads : runs) {
                List<String> lines = measure(engine, policy, population, customers, threads, decisions);
                if (first == null) {
                    first = lines;
                    lines.forEach(System.out::println);
                } else if (!first.equals(lines)) {
                    throw new IllegalStateException("the plan on " + threads + " threads differs from the first run's: "
                            + lines);
                } else {
                    System.out.println("  (the same plan as the first run)");
                }
            }
        }
    }

    /** One run over the population; prints its figures and returns its summary. */
    private static List<String> measure(DecisionEngine engine, OutboundPolicy policy, Population population,
                                        int customers, int threads, double decisions) {
        OutboundPlanner planner = OutboundPlanner.builder(engine).policy(policy).threads(threads).build();
        PlanSummary summary = new PlanSummary();
        long start = System.nanoTime();
        long[] heap = {0, 0};
        try (OutboundPlanner.Run run = planner.start(Population.AT, summary)) {
            for (int i = 0; i < customers; i++) {
                Population.Member m = population.member(i);
                run.plan(m.recipient(), m.events(), m.history());
                if (i % 100_000 == 0) {
                    long used = usedAfterLastCollection();
                    heap[0] = Math.max(heap[0], used);
                    heap[1] = i == 0 ? used : heap[1];
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = customers / seconds;
        System.out.printf(Locale.ROOT, "outbound on %d thread%s: %,d customers planned in %.1f s: %,.0f customers/s; "
                        + "decide() on one thread: %,.0f decisions/s (planning at %.0f%% of it); heap after collections: "
                        + "%.1f MB at the start, at most %.1f MB (max heap %.0f MB)%n",
                threads, threads == 1 ? "" : "s", customers, seconds, perSecond, decisions, 100 * perSecond / decisions,
                heap[1] / 1e6, heap[0] / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        return summary.lines();
    }

    private static void plan(OutboundPlanner planner, Population population, int customers) {
        try (OutboundPlanner.Run run = planner.start(Population.AT, new PlanSummary())) {
            for (int i = 0; i < customers; i++) {
                Population.Member m = population.member(i);
                run.plan(m.recipient(), m.events(), m.history());
            }
        }
    }

    /** {@code decide()} on the benchmarks' usual traffic, one thread, for comparison. */
    private static double decisionsPerSecond(DecisionEngine engine, double seconds) {
        DecisionRequest[] requests = Traffic.seeded(DecisionBenchmark.SEED).requests(DecisionBenchmark.POOL)
                .toArray(DecisionRequest[]::new);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long decided = 0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 100; k++) {
                engine.decide(requests[(int) (decided + k) & (requests.length - 1)]);
            }
            decided += 100;
        }
        return decided / ((System.nanoTime() - start) / 1e9);
    }

    /** The heap the last collection left, over every heap pool; what the run holds, not its garbage. */
    private static long usedAfterLastCollection() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }
}
