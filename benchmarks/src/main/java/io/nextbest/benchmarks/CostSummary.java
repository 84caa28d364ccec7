package io.nextbest.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints what the ledger and learned propensities cost, from JMH's JSON results of {@link LedgerBenchmark}
 * and {@link AdaptiveBenchmark} (and, for the records the ledger dropped, JMH's log), against the targets.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.nextbest.benchmarks.CostSummary benchmarks/target/jmh-costs.txt benchmarks/target/jmh-costs-*.json}</pre>
 */
public final class CostSummary {
    private static final Pattern DROPPED = Pattern.compile("Ledger: (\\d+) records dropped");

    private CostSummary() {
    }

    /** Arguments: JMH's log, then the JSON results of one or more runs. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CostSummary JMH_LOG JMH_JSON...");
            System.exit(2);
        }
        List<Long> dropped = new ArrayList<>();
        Matcher m = DROPPED.matcher(Files.readString(Path.of(args[0])));
        while (m.find()) {
            dropped.add(Long.parseLong(m.group(1)));
        }
        Map<String, Double> figures = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            figures.putAll(read(new ObjectMapper().readTree(Path.of(args[i]).toFile())));
        }
        System.out.print(table(figures, dropped));
    }

    /** Each result's figure by "benchmark method/parameter": the median for SampleTime, else the score. */
    static Map<String, Double> read(JsonNode results) {
        Map<String, Double> figures = new HashMap<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText().replaceAll(".*\\.(\\w+\\.\\w+)$", "$1");
            JsonNode params = result.path("params");
            String param = params.has("ledger") ? params.path("ledger").asText() : params.path("propensity").asText();
            JsonNode primary = result.path("primaryMetric");
            double figure = result.path("mode").asText().equals("sample")
                    ? primary.path("scorePercentiles").path("50.0").asDouble(Double.NaN)
                    : primary.path("score").asDouble(Double.NaN);
            figures.put(benchmark + "/" + param, figure);
        }
        return figures;
    }

    static String table(Map<String, Double> f, List<Long> dropped) {
        StringBuilder out = new StringBuilder();
        double off = f.getOrDefault("LedgerBenchmark.decide/off", Double.NaN);
        double on = f.getOrDefault("LedgerBenchmark.decide/drop", Double.NaN);
        double pairs = f.getOrDefault("LedgerBenchmark.decideAndRecord/wait", Double.NaN);
        double alone = f.getOrDefault("LedgerBenchmark.decideAndRecord/off", Double.NaN);
        out.append(String.format(Locale.ROOT, "The ledger (a SQLite file):%n"));
        out.append(String.format(Locale.ROOT, "  decide() p50, ledger off:  %8.2f µs%n", off));
        out.append(String.format(Locale.ROOT, "  decide() p50, ledger on:   %8.2f µs  (%+.1f%%; records dropped: %s)%n", on,
                100 * (on / off - 1), dropped.isEmpty() ? "not printed" : dropped));
        out.append(String.format(Locale.ROOT, "  sustained, nothing dropped: %,.0f decisions/s, each with its outcome: "
                + "%,.0f records/s (the same loop without the ledger: %,.0f decisions/s)%n", pairs, 2 * pairs, alone));

        double rules = f.getOrDefault("AdaptiveBenchmark.decide/rules", Double.NaN);
        double learned = f.getOrDefault("AdaptiveBenchmark.decide/learned", Double.NaN);
        double learn = Math.max(f.getOrDefault("AdaptiveBenchmark.learn/rules", Double.NaN),
                f.getOrDefault("AdaptiveBenchmark.learn/learned", Double.NaN));
        out.append(String.format(Locale.ROOT, "%nLearned propensities:%n"));
        out.append(String.format(Locale.ROOT, "  decide() p50, the rules' propensity: %8.2f µs%n", rules));
        out.append(String.format(Locale.ROOT, "  decide() p50, every program learned: %8.2f µs  (%+.1f%%)%n", learned,
                100 * (learned / rules - 1)));
        out.append(String.format(Locale.ROOT, "  learning: %,.0f outcomes/s on one thread%n", learn));

        out.append(String.format("%nTargets:%n"));
        out.append("  ").append(target("ledger on: p50 at most +20%", on / off, on / off <= 1.2)).append('\n');
        out.append("  ").append(target("ledger: >= 20,000 decisions and outcomes/s", pairs, pairs >= 20_000))
                .append(" (counting decision+outcome pairs)\n");
        out.append("  ").append(target("learned: p50 at most +30%", learned / rules, learned / rules <= 1.3)).append('\n');
        out.append("  ").append(target("learning: >= 100,000 outcomes/s", learn, learn >= 100_000)).append('\n');
        return out.toString();
    }

    private static String target(String what, double figure, boolean met) {
        return String.format(Locale.ROOT, "%-44s %s", what, Double.isNaN(figure) ? "not measured" : met ? "met" : "NOT met");
    }
}
