/**
 * The API: everything an application needs to decide with NextBest, and nothing else.
 *
 * <p>{@link io.nextbest.NextBest#engine()} builds a {@link io.nextbest.DecisionEngine} on a
 * {@link io.nextbest.RulePack}; {@link io.nextbest.DecisionEngine#decide} takes a
 * {@link io.nextbest.DecisionRequest} (a {@link io.nextbest.Customer}, an {@link io.nextbest.Interaction},
 * {@link io.nextbest.Purchase}s and {@link io.nextbest.Contact}s) and returns a
 * {@link io.nextbest.Decision}: the offers chosen, the runners-up, every offer left out, and
 * {@link io.nextbest.Reason}s with stable codes. {@link io.nextbest.DecisionEngine#ruleSet()} tells which
 * rules decide ({@link io.nextbest.RuleSetInfo}).
 *
 * <p>This package depends on the engine only through {@link io.nextbest.NextBest.Builder#build()}.
 */
package io.nextbest;
