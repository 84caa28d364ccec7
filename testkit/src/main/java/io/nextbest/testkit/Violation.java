package io.nextbest.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.FiredRule;
import io.nextbest.LeftOut;
import io.nextbest.NextBestException;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import io.nextbest.Score;
import io.nextbest.Stage;
import io.nextbest.json.JsonCodec;
import io.nextbest.scenarios.ScenarioRunner;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One broken invariant: what is wrong, on which request, with the decision and the rules and table
 * rows that fired to reach it. {@link #report()} is what a failing property shows; its last part is a
 * scenario an analyst pastes into a scenario file as it is, which expects what the invariant demands:
 * it fails on the rules that broke the invariant and passes once they are fixed. Where a scenario file
 * cannot state the invariant (determinism, explanations, raised levers), the report says so instead.
 *
 * @param invariant the invariant's name
 * @param problem   what is wrong, in words
 * @param request   the request (after shrinking, when a property found it)
 * @param decision  the decision that breaks the invariant
 * @param fired     the rules that fired for that decision, in order, each with its file and row or line
 * @param expect    what the scenario expects ({@code decision}, {@code offer}, {@code notKind},
 *                  {@code notOffer}, {@code notProgram}, ...: the expectations of scenario files); empty
 *                  if no scenario can state the invariant
 * @param note      what the reader should know of the scenario, or why there is none; may be empty
 */
public record Violation(String invariant, String problem, DecisionRequest request, Decision decision,
                        List<FiredRule> fired, Map<String, String> expect, String note) {

    private static final JsonCodec JSON = new JsonCodec();

    public Violation {
        fired = List.copyOf(fired);
        expect = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expect));
        note = note == null ? "" : note;
    }

    /**
     * A violation of the decision {@code engine} made on {@code request}, with the rules that fired
     * (asked of the engine again, with {@link DecisionEngine#explain}).
     *
     * @param expect what a scenario of this request must expect for the invariant to hold, in the
     *               expectations of scenario files; empty if no scenario can state it (then {@code note}
     *               says why)
     */
    public static Violation of(String invariant, String problem, DecisionEngine engine, DecisionRequest request,
                               Decision decision, Map<String, String> expect, String note) {
        List<FiredRule> fired;
        String why = note;
        Map<String, String> expectation = expect;
        try {
            fired = engine.explain(request).fired();
            // A scenario that the rules which broke the invariant pass would not guard the fix: none then.
            if (!expect.isEmpty() && ScenarioRunner.failures(expect, decision).isEmpty()) {
                expectation = Map.of();
                why = "No scenario file can tell this decision from a right one: the decision that broke the "
                        + "invariant meets what the scenario would expect (" + expect + "). Keep the property that "
                        + "found it to guard the fix.";
            }
        } catch (NextBestException e) {
            fired = List.of();
            why = (note.isEmpty() ? "" : note + " ") + "The rules that fired are unknown: explaining failed: "
                    + e.getMessage();
        }
        return new Violation(invariant, problem, request, decision, fired, expectation, why);
    }

    /** The expectation a scenario file states for this decision as it is. */
    static Map<String, String> pinned(Decision decision) {
        return decision.offer().map(o -> Map.of("offer", o.offerId())).orElse(Map.of("decision", "NO_OFFER"));
    }

    /**
     * The expectation that this decision is not made again: its first offer is not made, or, for no
     * offer, an offer is.
     */
    static Map<String, String> notThis(Decision decision) {
        return decision.offer().map(o -> Map.of("notOffer", o.offerId())).orElse(Map.of("decision", "OFFER"));
    }

    /** True if a scenario file can state the invariant for this request, and {@link #scenario()} gives it. */
    public boolean hasScenario() {
        return !expect.isEmpty();
    }

    /**
     * Everything an analyst needs to see the failure and keep it: the invariant and the problem, the
     * decision with its reasons and left-out offers, the rules and rows that fired by stage, the request
     * as JSON, and a scenario file to paste (or why there is none).
     */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("Invariant broken: ").append(invariant).append('\n');
        sb.append("  ").append(problem.replace("\n", "\n  ")).append("\n\n");
        sb.append(describe(decision)).append('\n');
        sb.append(firedByStage(fired)).append('\n');
        sb.append("Request:\n").append(JSON.writePretty(request)).append("\n\n");
        if (hasScenario()) {
            sb.append("Scenario to keep with the pack's (save it as a .json scenario file, or paste the scenario into "
                    + "one's \"scenarios\" list). It fails on these rules");
            sb.append(note.isEmpty() ? " and passes once they are fixed: it expects what the invariant demands."
                    : ". " + note);
            sb.append("\n").append(scenario().orElseThrow()).append('\n');
        } else {
            sb.append("No scenario to paste. ").append(note.isEmpty() ? "A scenario file cannot state this "
                    + "invariant: keep the property that found it to guard the fix." : note).append('\n');
        }
        return sb.toString();
    }

    /** The rules that fired, grouped by stage in the order decisions pass them, each group in firing order. */
    static String firedByStage(List<FiredRule> fired) {
        StringBuilder sb = new StringBuilder("Rules that fired, by stage (rule [reason code] (file and row or line)):\n");
        if (fired.isEmpty()) {
            sb.append("  (none)\n");
        }
        for (Stage stage : Stage.values()) {
            List<FiredRule> of = fired.stream().filter(f -> f.stage() == stage).toList();
            if (of.isEmpty()) {
                continue;
            }
            sb.append("  ").append(stage.label()).append(":\n");
            for (FiredRule f : of) {
                sb.append("    ").append(f.rule()).append(" [").append(f.code()).append("] (").append(f.source())
                        .append(")\n");
            }
        }
        return sb.toString();
    }

    /**
     * A scenario file that holds this request and the expectation the invariant sets, in the format
     * {@code io.nextbest.scenarios.ScenarioReader} reads: {@code {"scenarios": [{"name", "given", "expect"}]}};
     * empty if a scenario file cannot state the invariant.
     */
    public Optional<String> scenario() {
        if (!hasScenario()) {
            return Optional.empty();
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode scenario = root.putArray("scenarios").addObject();
        scenario.put("name", invariant + ": " + firstLine(problem));
        try {
            scenario.set("given", JSON.reader().readTree(JSON.write(request)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode expected = scenario.putObject("expect");
        expect.forEach(expected::put);
        return Optional.of(JSON.writePretty(root));
    }

    @Override
    public String toString() {
        return report();
    }

    static String describe(Decision d) {
        StringBuilder sb = new StringBuilder();
        sb.append("Decision: ").append(d.type()).append('\n');
        int n = 1;
        for (RankedOffer o : d.offers()) {
            sb.append("  ").append(n++).append(". ").append(ranked(o)).append('\n');
        }
        if (!d.runnersUp().isEmpty()) {
            sb.append("  Runners-up: ").append(d.runnersUp().stream().map(Violation::ranked)
                    .collect(Collectors.joining("; "))).append('\n');
        }
        sb.append("  Reasons:\n");
        for (Reason reason : d.reasons()) {
            sb.append("    - ").append(reason.code()).append(": ").append(reason.text()).append('\n');
        }
        if (!d.leftOut().isEmpty()) {
            sb.append("  Left out:\n");
            for (LeftOut l : d.leftOut()) {
                sb.append("    - ").append(l.offerId()).append(": ").append(l.stage().label()).append(": ")
                        .append(l.rule()).append(" [").append(l.code()).append("] (").append(l.source()).append(")\n");
            }
        }
        return sb.toString();
    }

    private static String ranked(RankedOffer o) {
        Score s = o.score();
        return String.format(Locale.ROOT, "%s (%s, %s) at priority %.2f = propensity %.2f x weight %.2f x value %.2f"
                        + " x lever %.2f", o.offerId(), o.kind(), o.program(), s.priority(), s.propensity(),
                s.contextWeight(), s.businessValue(), s.lever());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
