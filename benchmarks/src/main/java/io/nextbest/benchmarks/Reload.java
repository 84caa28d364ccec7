package io.nextbest.benchmarks;

import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.NextBest;
import io.nextbest.rules.DefaultRules;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a hot reload of the default pack costs in a warm JVM: the pack is read and compiled into a new
 * engine ten times, after one compile and some thousands of decisions have warmed the JVM.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.nextbest.benchmarks.Reload [times]}</pre>
 */
public final class Reload {
    private Reload() {
    }

    public static void main(String[] args) {
        int times = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<DecisionRequest> requests = Traffic.seeded(DecisionBenchmark.SEED).requests(5_000);
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).build()) {
            requests.forEach(engine::decide);
        }
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).build();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            engine.decide(requests.get(i));
            engine.close();
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = times % 2 == 1 ? sorted[times / 2] : (sorted[times / 2 - 1] + sorted[times / 2]) / 2;
        StringBuilder each = new StringBuilder();
        for (double m : ms) {
            each.append(each.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f", m));
        }
        System.out.printf(Locale.ROOT, "Reload (compile the default pack in a warm JVM, %d times): median %.0f ms, "
                + "min %.0f ms, max %.0f ms (each: %s)%n", times, median, sorted[0], sorted[times - 1], each);
    }
}
