package io.nextbest.testkit;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Something every decision of a rule set must respect, whatever the request. {@link DecisionInvariants}
 * holds the ready ones; write your own with {@link #onDecision}, and say what a scenario of a request
 * that breaks it must expect, so that the scenario its report prints guards the fix:
 *
 * <pre>{@code
 * Invariant noWelcomeOnACancellation = Invariant.onDecision("a customer calling to cancel is not welcomed",
 *         Map.of("notProgram", "welcome"),
 *         (request, decision) -> decision.offer()
 *                 .filter(o -> request.interaction().intent() == Intent.CANCELLATION && o.program().equals("welcome"))
 *                 .map(o -> o.offerId() + " was offered on a cancellation call"));
 * }</pre>
 */
public interface Invariant {

    /** What the invariant says, in the words of the domain. */
    String name();

    /** Decides on {@code request} with {@code engine} (as often as it needs) and returns what is wrong; empty if nothing. */
    List<Violation> check(DecisionEngine engine, DecisionRequest request);

    /** An invariant whose check is given as a function. */
    static Invariant of(String name, BiFunction<DecisionEngine, DecisionRequest, List<Violation>> check) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        return new Invariant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Violation> check(DecisionEngine engine, DecisionRequest request) {
                return check.apply(engine, request);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /**
     * An invariant on one decision: {@code problem} returns what is wrong with the decision on the
     * request, or nothing. A violation's report carries the request, the decision, the rules that fired
     * and a scenario of the request that expects {@code expect}: what the invariant demands, in the
     * expectations of scenario files ({@code decision}, {@code offer}, {@code program}, {@code kind},
     * {@code notKind}, {@code notOffer}, {@code notProgram}, {@code leftOut}, {@code reason},
     * {@code headline}). The scenario then fails on the rules that broke the invariant and passes once
     * they are fixed.
     */
    static Invariant onDecision(String name, Map<String, String> expect,
                                BiFunction<DecisionRequest, Decision, Optional<String>> problem) {
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(problem, "problem");
        if (expect.isEmpty()) {
            throw new IllegalArgumentException("say what a scenario must expect for '" + name + "' to hold, such as "
                    + "Map.of(\"notProgram\", \"welcome\"), or use onDecision(name, problem)");
        }
        return of(name, (engine, request) -> {
            Decision decision = engine.decide(request);
            return problem.apply(request, decision)
                    .map(p -> List.of(Violation.of(name, p, engine, request, decision, expect, "")))
                    .orElse(List.of());
        });
    }

    /**
     * An invariant on one decision, as {@link #onDecision(String, Map, BiFunction)}, for which the kit
     * cannot know what the right decision is: the scenario of a violation expects the decision not to
     * be the one that broke the invariant (its first offer not made, or an offer where there was none),
     * which fails on the rules that broke it. Say what the invariant demands instead when the fix may
     * keep that part of the decision (an invariant on a no-offer's reasons, say).
     */
    static Invariant onDecision(String name, BiFunction<DecisionRequest, Decision, Optional<String>> problem) {
        Objects.requireNonNull(problem, "problem");
        return of(name, (engine, request) -> {
            Decision decision = engine.decide(request);
            return problem.apply(request, decision)
                    .map(p -> List.of(Violation.of(name, p, engine, request, decision, Violation.notThis(decision),
                            "The invariant does not say what the right decision is, so the scenario expects this "
                                    + "one not to be made again: it passes once the fix changes it. If the fix may "
                                    + "keep it, give the invariant the expectation it demands: "
                                    + "Invariant.onDecision(name, expect, problem).")))
                    .orElse(List.of());
        });
    }
}
