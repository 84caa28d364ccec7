package io.nextbest.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the figures of a {@link DecisionBenchmark} run from JMH's JSON results: latency percentiles,
 * throughput on one and two threads and bytes allocated per decision for each implementation, the
 * ratios between them, and which targets they meet.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.nextbest.benchmarks.Summary benchmarks/target/jmh.json}</pre>
 */
public final class Summary {
    private static final List<String> IMPLEMENTATIONS = List.of("nextbest", "handwritten", "straightforward");

    /** The figures of one implementation; NaN where the run did not measure them. */
    static final class Figures {
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        double p999 = Double.NaN;
        double opsOn1Thread = Double.NaN;
        double opsOn2Threads = Double.NaN;
        double bytesPerDecision = Double.NaN;
    }

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        Path json = Path.of(args.length > 0 ? args[0] : "benchmarks/target/jmh.json");
        Map<String, Figures> figures = read(new ObjectMapper().readTree(json.toFile()));
        System.out.print(table(figures));
    }

    static Map<String, Figures> read(JsonNode results) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        IMPLEMENTATIONS.forEach(impl -> figures.put(impl, new Figures()));
        for (JsonNode result : results) {
            String impl = result.path("params").path("impl").asText();
            Figures f = figures.computeIfAbsent(impl, k -> new Figures());
            String method = result.path("benchmark").asText().replaceAll(".*\\.", "");
            JsonNode primary = result.path("primaryMetric");
            switch (method) {
                case "latency" -> {
                    JsonNode percentiles = primary.path("scorePercentiles");
                    f.p50 = percentiles.path("50.0").asDouble(Double.NaN);
                    f.p99 = percentiles.path("99.0").asDouble(Double.NaN);
                    f.p999 = percentiles.path("99.9").asDouble(Double.NaN);
                }
                case "throughput" -> f.opsOn1Thread = primary.path("score").asDouble(Double.NaN);
                case "throughputOn2Threads" -> f.opsOn2Threads = primary.path("score").asDouble(Double.NaN);
                default -> {
                }
            }
            // Bytes per decision from the single-thread throughput run, else from any run that has them.
            double bytes = allocationPerOp(result.path("secondaryMetrics"));
            if (!Double.isNaN(bytes) && (method.equals("throughput") || Double.isNaN(f.bytesPerDecision))) {
                f.bytesPerDecision = bytes;
            }
        }
        return figures;
    }

    private static double allocationPerOp(JsonNode secondary) {
        var names = secondary.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.endsWith("gc.alloc.rate.norm")) {
                return secondary.path(name).path("score").asDouble(Double.NaN);
            }
        }
        return Double.NaN;
    }

    static String table(Map<String, Figures> figures) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-16s %9s %9s %9s %12s %12s %10s%n",
                "impl", "p50 µs", "p99 µs", "p99.9 µs", "ops/s 1 thr", "ops/s 2 thr", "B/decision"));
        figures.forEach((impl, f) -> out.append(String.format(Locale.ROOT, "%-16s %9.2f %9.2f %9.2f %12.0f %12.0f %10.0f%n",
                impl, f.p50, f.p99, f.p999, f.opsOn1Thread, f.opsOn2Threads, f.bytesPerDecision)));
        Figures nextbest = figures.get("nextbest");
        Figures handwritten = figures.get("handwritten");
        Figures straightforward = figures.get("straightforward");
        double overHandwritten = nextbest.p50 / handwritten.p50;
        double straightforwardOver = straightforward.p50 / nextbest.p50;
        out.append(String.format(Locale.ROOT, "%nnextbest / handwritten at the median:     %6.1fx%n", overHandwritten));
        out.append(String.format(Locale.ROOT, "straightforward / nextbest at the median: %6.1fx (throughput on 1 thread: %.1fx)%n",
                straightforwardOver, nextbest.opsOn1Thread / straightforward.opsOn1Thread));

        List<String> targets = new ArrayList<>();
        targets.add(target("p50 <= 15 µs", nextbest.p50, nextbest.p50 <= 15));
        targets.add(target("p99 <= 60 µs", nextbest.p99, nextbest.p99 <= 60));
        targets.add(target("<= 16 KB per decision", nextbest.bytesPerDecision,
                nextbest.bytesPerDecision <= 16 * 1024));
        targets.add(target(">= 100,000 decisions/s on 2 threads", nextbest.opsOn2Threads,
                nextbest.opsOn2Threads >= 100_000));
        targets.add(target("<= 25x handwritten at the median", overHandwritten, overHandwritten <= 25));
        targets.add(target(">= 5x faster than straightforward", straightforwardOver, straightforwardOver >= 5));
        out.append(String.format("%nTargets for nextbest:%n"));
        targets.forEach(t -> out.append("  ").append(t).append(System.lineSeparator()));
        return out.toString();
    }

    private static String target(String what, double figure, boolean met) {
        return String.format(Locale.ROOT, "%-38s %s", what, Double.isNaN(figure) ? "not measured" : met ? "met" : "NOT met");
    }
}
