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
 * holds the ready ones; write your own with {@link #onDecision}:
 *
 * <pre>{@code
 * Invariant retentionOnlyForAtRisk = Invariant.onDecision("retention offers go to customers at risk only",
 *         (request, decision) -> decision.offer()
 *                 .filter(o -> o.program().equals("retention") && request.customer().churnRisk() < 0.5)
 *                 .map(o -> o.offerId() + " went to a customer with churn risk " + request.customer().churnRisk()));
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
     * request, or nothing. A violation's report carries the request, the decision and the rules that fired.
     */
    static Invariant onDecision(String name, BiFunction<DecisionRequest, Decision, Optional<String>> problem) {
        Objects.requireNonNull(problem, "problem");
        return of(name, (engine, request) -> {
            Decision decision = engine.decide(request);
            return problem.apply(request, decision)
                    .map(p -> List.of(Violation.of(name, p, engine, request, decision, Map.of(), "")))
                    .orElse(List.of());
        });
    }
}
