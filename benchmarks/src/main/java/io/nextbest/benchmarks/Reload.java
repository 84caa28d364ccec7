package io.nextbest.benchmarks;

import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.NextBest;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.rules.DefaultRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a hot reload of the default pack costs in a warm JVM: an engine decides from the pack in a
 * folder; ten times, a file of the folder is edited (a comment added) and {@code reload()} reads the
 * folder, compiles the edited pack and swaps it in. Some thousands of decisions warm the JVM first.
 * An edited pack is never the precompiled one, so every reload compiles.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.nextbest.benchmarks.Reload [times]}</pre>
 */
public final class Reload {
    private Reload() {
    }

    public static void main(String[] args) throws IOException {
        int times = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<DecisionRequest> requests = Traffic.seeded(DecisionBenchmark.SEED).requests(5_000);
        Path folder = Files.createTempDirectory("nextbest-reload");
        for (RuleFile file : DefaultRules.pack().files()) {
            Files.write(folder.resolve(file.name()), file.content());
        }
        Path edited = folder.resolve("applicability.drl");
        double[] ms = new double[times];
        try (DecisionEngine engine = NextBest.engine().rules(folder).build()) {
            requests.forEach(engine::decide);
            for (int i = 0; i < times; i++) {
                Files.writeString(edited, "\n// edit " + i + "\n", StandardOpenOption.APPEND);
                long t0 = System.nanoTime();
                if (!engine.reload()) {
                    throw new IllegalStateException("edit " + i + " was not reloaded");
                }
                ms[i] = (System.nanoTime() - t0) / 1e6;
                engine.decide(requests.get(i));
            }
        } finally {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(folder);
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = times % 2 == 1 ? sorted[times / 2] : (sorted[times / 2 - 1] + sorted[times / 2]) / 2;
        StringBuilder each = new StringBuilder();
        for (double m : ms) {
            each.append(each.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f", m));
        }
        System.out.printf(Locale.ROOT, "Reload (an edit of the default pack in a folder, compiled and swapped in a warm JVM, %d times): median %.0f ms, "
                + "min %.0f ms, max %.0f ms (each: %s)%n", times, median, sorted[0], sorted[times - 1], each);
    }
}
