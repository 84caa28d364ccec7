package io.nextbest.benchmarks.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fuzzes the input readers: the JSON request reader, the catalog reader (JSON and CSV) and the
 * decision-table readers (CSV and XLSX, through the validator and the engine) with mutated and
 * truncated inputs, and prints what they made of them. See {@link Oracle} for what counts as a failure.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.nextbest.benchmarks.fuzz.Fuzz
 *     [--inputs N | --inputs READER=N]...  inputs per reader (default 1000)
 *     [--readers json-request,catalog-json,catalog-csv,table-csv,table-xlsx]
 *     [--seed S]                          the campaign's seed (default 20261130)
 *     [--first F]                         the number of the first input (default 0): a long run can go on
 *                                         where another stopped, with the same inputs as one run
 *     [--time-limit-ms T]                 an input still being read after T ms of CPU time is a hang
 *                                         (default 10000)
 *     [--input I]                         read input I alone and print it, its verdicts and any stack trace
 *     [--file F]                          read the file F alone, as --input does: a failing input as a run
 *                                         saved it (named READER-SEED-I-NAME), or any table, catalog or request
 *     [--out DIR]                         where failing inputs are saved (default benchmarks/target/fuzz)
 *     [--examples DIR]                    the example requests (default: examples/requests above here)
 * }</pre>
 *
 * The exit code is 1 if any input was read wrongly or hung.
 */
public final class Fuzz {
    public static final long DEFAULT_SEED = 20261130L;
    static final List<String> READERS = List.of("json-request", "catalog-json", "catalog-csv", "table-csv",
            "table-xlsx");

    private Fuzz() {
    }

    /** The settings of a run, from the command line. */
    record Settings(Map<String, Long> inputs, List<String> readers, long seed, long first, long timeLimitMillis,
                    Long input, Path file, Path out, Path examples) {

        static Settings parse(String... args) {
            Map<String, Long> inputs = new LinkedHashMap<>();
            long all = 1000;
            List<String> readers = READERS;
            long seed = DEFAULT_SEED;
            long first = 0;
            long limit = 10_000;
            Long input = null;
            Path file = null;
            Path out = Path.of("benchmarks", "target", "fuzz");
            Path examples = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--inputs" -> {
                        int eq = value.indexOf('=');
                        if (eq < 0) {
                            all = Long.parseLong(value.replace("_", ""));
                        } else {
                            inputs.put(value.substring(0, eq), Long.parseLong(value.substring(eq + 1).replace("_", "")));
                        }
                    }
                    case "--readers" -> readers = List.of(value.split(","));
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--time-limit-ms" -> limit = Long.parseLong(value);
                    case "--first" -> first = Long.parseLong(value.replace("_", ""));
                    case "--input" -> input = Long.parseLong(value);
                    case "--file" -> file = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    case "--examples" -> examples = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; see the comment of io.nextbest.benchmarks.fuzz.Fuzz");
                }
                i++;
            }
            for (String r : readers) {
                if (!READERS.contains(r)) {
                    throw new IllegalArgumentException("no reader '" + r + "'; the readers are " + READERS);
                }
                inputs.putIfAbsent(r, all);
            }
            if (file != null && readers.size() != 1) {
                throw new IllegalArgumentException("--file needs the one reader that reads it: --readers table-xlsx, say");
            }
            return new Settings(inputs, readers, seed, first, limit, input, file, out, examples);
        }
    }

    public static void main(String[] args) {
        quiet();
        Settings settings = Settings.parse(args);
        if (settings.input() != null || settings.file() != null) {
            System.exit(replay(settings, System.out) ? 0 : 1);
        }
        System.out.printf(Locale.ROOT, "Java %s on %d CPUs; load average %.2f%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        List<Campaign.Figures> all = run(settings, System.out);
        print(all, System.out);
        System.out.printf(Locale.ROOT, "%nLoad average after the run: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(all.stream().anyMatch(f -> f.failed() > 0) ? 1 : 0);
    }

    /**
     * Drools logs every rule set it cannot build at ERROR, and POI every broken part it skips: the
     * fuzzer's inputs are broken on purpose, so only its own report is printed.
     */
    static void quiet() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
    }

    /** Runs every reader of the settings, printing progress, and returns their figures. */
    static List<Campaign.Figures> run(Settings settings, PrintStream log) {
        List<Campaign.Figures> all = new ArrayList<>();
        for (String reader : settings.readers()) {
            Campaign campaign = new Campaign(target(reader, settings), settings.seed(), settings.timeLimitMillis(),
                    settings.out());
            campaign.checkSeeds();
            long n = settings.inputs().get(reader);
            log.printf(Locale.ROOT, "%s: %,d inputs from seed %d, the first numbered %,d%n", reader, n, settings.seed(),
                    settings.first());
            long step = Math.max(1000, n / 10);
            long started = System.nanoTime();
            Campaign.Figures figures = campaign.run(settings.first(), settings.first() + n, done -> {
                if (done % step == 0) {
                    log.printf(Locale.ROOT, "  %s: %,d inputs in %.0f s%n", reader, done,
                            (System.nanoTime() - started) / 1e9);
                }
            });
            all.add(figures);
        }
        return all;
    }

    static Target target(String reader, Settings settings) {
        return switch (reader) {
            case "json-request" -> RequestTarget.create(settings.examples() != null ? settings.examples() : examples());
            case "catalog-json" -> CatalogTarget.json();
            case "catalog-csv" -> CatalogTarget.csv();
            case "table-csv" -> TableTarget.csv();
            case "table-xlsx" -> TableTarget.xlsx();
            default -> throw new IllegalArgumentException("no reader '" + reader + "'");
        };
    }

    /** {@code examples/requests} in the working folder or a folder above it. */
    static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples").resolve("requests");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no examples/requests folder here or above: give one with --examples");
    }

    /** Reads one input and prints everything about it; true if it was read as documented. */
    static boolean replay(Settings settings, PrintStream log) {
        boolean fine = true;
        for (String reader : settings.readers()) {
            Target target = target(reader, settings);
            Input input = settings.file() != null ? saved(settings.file(), reader)
                    : new Campaign(target, settings.seed(), settings.timeLimitMillis(), settings.out())
                            .input(settings.input());
            log.println(reader + (settings.file() != null ? " " + settings.file()
                    : " input " + settings.input() + " of seed " + settings.seed()) + " (" + input.name()
                    + ", " + input.content().length + " bytes), made from " + input.how());
            if (!input.name().endsWith(".xlsx")) {
                String text = new String(input.content(), StandardCharsets.UTF_8);
                log.println(text.length() > 4000 ? text.substring(0, 4000) + "... (" + text.length() + " chars)" : text);
            }
            for (Verdict v : target.read(input)) {
                log.println(v.consumer() + ": " + v.outcome() + (v.detail().isEmpty() ? "" : ": " + v.detail()));
                if (v.error() != null && v.isWrong()) {
                    v.error().printStackTrace(log);
                }
                fine &= !v.isWrong();
            }
        }
        return fine;
    }

    /** A file as an input: a saved one keeps the name it was read under, after the run's prefix. */
    static Input saved(Path file, String reader) {
        String name = file.getFileName().toString().replaceFirst("^" + Pattern.quote(reader) + "-\\d+-\\d+-", "");
        try {
            return new Input(name, Files.readAllBytes(file), "the file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String duration(long nanos) {
        long s = nanos / 1_000_000_000;
        return s < 60 ? s + " s" : s < 3600 ? s / 60 + " min " + s % 60 + " s" : s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    /** The figures as a table, then each kind of failure with its first inputs. */
    static void print(List<Campaign.Figures> all, PrintStream out) {
        out.println();
        out.println("| reader | read by | inputs | accepted | rejected as documented | wrong | hangs | time | inputs/s "
                + "| slowest input (CPU time) |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Campaign.Figures f : all) {
            for (int c = 0; c < f.consumers().size(); c++) {
                out.printf(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %,d | %,d | %s | %,.1f | %,.0f ms (input %d) |%n",
                        f.target(), f.consumers().get(c), f.inputs(), f.accepted()[c], f.rejected()[c], f.wrong()[c],
                        f.hangs(), duration(f.nanos()), f.inputsPerSecond(), f.slowestCpuNanos() / 1e6,
                        f.slowestIndex());
            }
        }
        for (Campaign.Figures f : all) {
            for (Map.Entry<String, List<Campaign.Failure>> kind : f.failures().entrySet()) {
                List<Campaign.Failure> alike = kind.getValue();
                Campaign.Failure first = alike.get(0);
                out.println();
                out.printf(Locale.ROOT, "%s, %,d inputs: %s%n", f.target(), alike.size(), kind.getKey());
                out.println("  first: input " + first.index() + " of seed " + f.seed() + ": " + first.detail());
                out.println("  made from " + JsonMutations.shorten(first.how()));
                if (first.saved() != null) {
                    out.println("  saved as " + first.saved());
                }
                out.println("  again: benchmarks/fuzz --readers " + f.target() + " --seed " + f.seed() + " --input "
                        + first.index());
            }
        }
    }
}
