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
import io.nextbest.json.JsonCodec;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One broken invariant: what is wrong, on which request, with the decision and the rules and table
 * rows that fired to reach it. {@link #report()} is what a failing property prints; its last part is a
 * scenario an analyst pastes into a scenario file as it is.
 *
 * @param invariant the invariant's name
 * @param problem   what is wrong, in words
 * @param request   the request (after shrinking, when a property found it)
 * @param decision  the decision that breaks the invariant
 * @param fired     the rules that fired for that decision, in order, each with its file and row or line
 * @param expect    what the scenario expects ({@code decision}, {@code offer}, {@code notKind},
 *                  {@code notOffer}, ...: the expectations of scenario files)
 * @param note      what the scenario cannot say, if anything; may be empty
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
     * (asked of the engine again, with {@link DecisionEngine#explain}). Without expectations, the
     * scenario pins the decision that was made.
     */
    public static Violation of(String invariant, String problem, DecisionEngine engine, DecisionRequest request,
                               Decision decision, Map<String, String> expect, String note) {
        List<FiredRule> fired;
        String why = note;
        try {
            fired = engine.explain(request).fired();
        } catch (NextBestException e) {
            fired = List.of();
            why = (note.isEmpty() ? "" : note + " ") + "The rules that fired are unknown: explaining failed: "
                    + e.getMessage();
        }
        Map<String, String> expectation = expect.isEmpty() ? pinned(decision) : expect;
        String scenarioNote = expect.isEmpty() && why.isEmpty()
                ? "The scenario pins the decision made; change its expectation to the right one." : why;
        return new Violation(invariant, problem, request, decision, fired, expectation, scenarioNote);
    }

    /** The expectation a scenario file states for this decision as it is. */
    static Map<String, String> pinned(Decision decision) {
        return decision.offer().map(o -> Map.of("offer", o.offerId())).orElse(Map.of("decision", "NO_OFFER"));
    }

    /**
     * Everything an analyst needs to see the failure and keep it: the invariant and the problem, the
     * decision with its reasons and left-out offers, the rules and rows that fired, the request as
     * JSON, and a scenario file to paste.
     */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("Invariant broken: ").append(invariant).append('\n');
        sb.append("  ").append(problem.replace("\n", "\n  ")).append("\n\n");
        sb.append(describe(decision)).append('\n');
        sb.append("Rules that fired, in order (stage: rule (file and row or line)):\n");
        if (fired.isEmpty()) {
            sb.append("  (none)\n");
        }
        for (FiredRule f : fired) {
            sb.append("  ").append(f).append('\n');
        }
        sb.append("\nRequest:\n").append(JSON.writePretty(request)).append("\n\n");
        sb.append("Scenario file (save as a .json scenario file, or paste the scenario into one's \"scenarios\" list)");
        if (!note.isEmpty()) {
            sb.append(".\n").append(note);
        }
        sb.append(":\n").append(scenario()).append('\n');
        return sb.toString();
    }

    /**
     * A scenario file that holds this request and the expectation the invariant sets, in the format
     * {@code io.nextbest.scenarios.ScenarioReader} reads: {@code {"scenarios": [{"name", "given", "expect"}]}}.
     */
    public String scenario() {
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
        return JSON.writePretty(root);
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
