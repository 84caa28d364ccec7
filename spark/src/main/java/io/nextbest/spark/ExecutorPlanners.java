package io.nextbest.spark;

import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.outbound.OutboundPlanner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The engine and planner of one executor JVM, built the first time a task needs them and shared by its tasks.
 *
 * <p>The one static, mutable field of the library, on purpose: an executor runs many tasks, one after another and
 * side by side, in one JVM, and Spark gives them no object of their own that lives as long as the JVM. Building
 * an engine per task would load the rules thousands of times a night; an engine is thread-safe, so one per JVM
 * and rule set is what the library asks for everywhere else ("built once and shared"). Keyed by the pack's hash
 * and the policy's, so a second plan with other rules in the same JVM gets its own.
 */
final class ExecutorPlanners {
    private static final ConcurrentMap<String, DecisionEngine> ENGINES = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, OutboundPlanner> PLANNERS = new ConcurrentHashMap<>();

    private ExecutorPlanners() {
    }

    /**
     * The planner for these rules, built once per JVM.
     *
     * @throws IllegalStateException if the engine built here decides with another version of the rules than the
     *                               driver's: the executors would not all make the same plan
     */
    static OutboundPlanner planner(PlanRules rules) {
        return PLANNERS.computeIfAbsent(rules.key(), k -> OutboundPlanner.builder(engine(rules))
                .policy(rules.policy()).build());
    }

    static DecisionEngine engine(PlanRules rules) {
        DecisionEngine engine = ENGINES.computeIfAbsent(rules.ruleSetVersion(),
                v -> NextBest.engine().rules(rules.pack()).build());
        String version = engine.ruleSet().version();
        if (!version.equals(rules.ruleSetVersion())) {
            throw new IllegalStateException("this executor's engine decides with rules version " + version
                    + ", the driver's with " + rules.ruleSetVersion() + ": every executor must decide with the "
                    + "rules the driver broadcast");
        }
        return engine;
    }
}
