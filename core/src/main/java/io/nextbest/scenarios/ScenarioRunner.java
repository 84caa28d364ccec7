package io.nextbest.scenarios;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionException;
import io.nextbest.Explanation;
import io.nextbest.FiredRule;
import io.nextbest.LeftOut;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import io.nextbest.validation.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Runs scenario files against an engine and says, for each scenario, whether the decision matched. */
public final class ScenarioRunner {

    /**
     * The outcome of one scenario.
     *
     * @param scenario the scenario
     * @param failures what did not match; empty if it passed
     * @param decision the decision, or {@code null} if deciding failed
     * @param fired    the rules that fired, with their table rows
     */
    public record Result(Scenario scenario, List<String> failures, Decision decision, List<FiredRule> fired) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /**
     * The outcome of a run.
     *
     * @param results  one per scenario read
     * @param problems scenarios that could not be read, each at its file, line and column
     */
    public record Report(List<Result> results, List<Finding> problems) {
        public long passed() {
            return results.stream().filter(Result::passed).count();
        }

        public long failed() {
            return results.size() - passed() + problems.size();
        }

        public boolean allPassed() {
            return failed() == 0 && !results.isEmpty();
        }
    }

    private final DecisionEngine engine;
    private final ScenarioReader reader = new ScenarioReader();

    public ScenarioRunner(DecisionEngine engine) {
        this.engine = engine;
    }

    /** Runs every {@code .csv} and {@code .json} scenario file in the given files and folders. */
    public Report run(List<Path> paths) {
        List<Result> results = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : files(path, problems)) {
                try {
                    List<Scenario> scenarios = reader.read(file.getFileName().toString(), Files.readAllBytes(file),
                            problems);
                    for (Scenario s : scenarios) {
                        results.add(run(s));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return new Report(results, problems);
    }

    /** Runs scenarios from memory, for tests. */
    public Report run(String file, byte[] content) {
        List<Finding> problems = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (Scenario s : reader.read(file, content, problems)) {
            results.add(run(s));
        }
        return new Report(results, problems);
    }

    public Result run(Scenario scenario) {
        Explanation explanation;
        try {
            explanation = engine.explain(scenario.request());
        } catch (DecisionException e) {
            return new Result(scenario, List.of("deciding failed: " + e.getMessage()), null, List.of());
        }
        return new Result(scenario, failures(scenario.expect(), explanation.decision()), explanation.decision(),
                explanation.fired());
    }

    /**
     * What of the expectations ({@code decision}, {@code offer}, ...: those of scenario files) the
     * decision does not meet, in words; empty if it meets them all.
     */
    public static List<String> failures(Map<String, String> expect, Decision d) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> e : expect.entrySet()) {
            String expected = e.getValue();
            switch (e.getKey()) {
                case "decision" -> {
                    if (!d.type().name().equalsIgnoreCase(expected.replace(' ', '_'))) {
                        failures.add("expected " + expected.toUpperCase(Locale.ROOT) + ", got " + d.type() + summary(d));
                    }
                }
                case "offer" -> {
                    String got = d.offer().map(RankedOffer::offerId).orElse("no offer");
                    if (!got.equalsIgnoreCase(expected)) {
                        failures.add("expected offer " + expected + ", got " + got + summary(d));
                    }
                }
                case "program" -> {
                    String got = d.offer().map(RankedOffer::program).orElse("no offer");
                    if (!got.equalsIgnoreCase(expected)) {
                        failures.add("expected an offer of program " + expected + ", got " + got + summary(d));
                    }
                }
                case "kind" -> {
                    String got = d.offer().map(o -> o.kind().name()).orElse("no offer");
                    if (!got.equalsIgnoreCase(expected)) {
                        failures.add("expected an offer of kind " + expected + ", got " + got + summary(d));
                    }
                }
                case "notKind" -> d.offers().stream().filter(o -> o.kind().name().equalsIgnoreCase(expected))
                        .findFirst().ifPresent(o -> failures.add("expected no " + expected + " offer, got "
                                + o.offerId()));
                case "notOffer" -> d.offers().stream().filter(o -> o.offerId().equalsIgnoreCase(expected))
                        .findFirst().ifPresent(o -> failures.add("expected " + expected + " not to be offered"));
                case "notProgram" -> d.offers().stream().filter(o -> o.program().equalsIgnoreCase(expected))
                        .findFirst().ifPresent(o -> failures.add("expected no offer of program " + expected + ", got "
                                + o.offerId()));
                case "leftOut" -> {
                    for (String item : expected.split("\\|")) {
                        checkLeftOut(d, item.strip(), failures);
                    }
                }
                case "reason" -> {
                    if (d.reasons().stream().noneMatch(r -> says(r, expected))) {
                        failures.add("expected a reason with the code '" + expected + "' or containing it, got "
                                + d.reasons());
                    }
                }
                case "notReason" -> {
                    for (String code : expected.split("\\|")) {
                        d.reasons().stream().filter(r -> r.code().equalsIgnoreCase(code.strip())).findFirst()
                                .ifPresent(r -> failures.add("expected no reason with the code " + code.strip()
                                        + ", got " + r));
                    }
                }
                case "headline" -> {
                    if (!says(d.reason(), expected)) {
                        failures.add("expected the deciding reason to have the code '" + expected
                                + "' or to contain it, got " + d.type() + " with " + d.reason());
                    }
                }
                default -> failures.add("unknown expectation " + e.getKey());
            }
        }
        return failures;
    }

    /** True if the reason has the code, or its rule or text contains the words, in any case. */
    private static boolean says(Reason r, String expected) {
        String want = expected.strip().toLowerCase(Locale.ROOT);
        return r.code().equalsIgnoreCase(want) || r.text().toLowerCase(Locale.ROOT).contains(want)
                || r.rule().toLowerCase(Locale.ROOT).contains(want);
    }

    private static void checkLeftOut(Decision d, String item, List<String> failures) {
        int colon = item.indexOf(':');
        String offerId = (colon < 0 ? item : item.substring(0, colon)).strip();
        String rule = colon < 0 ? "" : item.substring(colon + 1).strip();
        Optional<LeftOut> l = d.leftOut(offerId);
        if (l.isEmpty()) {
            failures.add("expected " + offerId + " to be left out, but it was " + (d.offers().stream()
                    .anyMatch(o -> o.offerId().equals(offerId)) ? "offered" : "in play"));
        } else if (!rule.isEmpty() && !l.get().rule().equalsIgnoreCase(rule) && !l.get().code().equalsIgnoreCase(rule)) {
            failures.add("expected " + offerId + " to be left out by '" + rule + "', but it was left out by '"
                    + l.get().rule() + "' (" + l.get().source() + ")");
        }
    }

    private static String summary(Decision d) {
        return d.offer().map(o -> " (" + o.offerId() + ")").orElse(d.reasons().isEmpty() ? ""
                : " (" + d.reasons().get(0) + ")");
    }

    private static List<Path> files(Path path, List<Finding> problems) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                return s.filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return (n.endsWith(".csv") || n.endsWith(".json")) && !n.contains(".drl.");
                }).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path, e);
            }
        }
        if (!Files.isRegularFile(path)) {
            problems.add(Finding.error(path.toString(), "", "", "", "no such file or folder"));
            return List.of();
        }
        return List.of(path);
    }
}
