/**
 * Internal: the engine behind {@link io.nextbest.NextBest}. Not API; it may change in any release.
 *
 * <p>A rule pack is compiled ({@code RuleSetCompiler}: tables to DRL with {@code RuleSources}, DRL to a
 * Drools rule base) or loaded precompiled ({@code PrecompiledRules}, written at build time by
 * {@link io.nextbest.engine.Precompiler}, whose {@code main} is the one entry a build calls). A
 * {@code CompiledRuleSet} decides: it resets a pooled session's {@link io.nextbest.facts.Situation}
 * and {@link io.nextbest.arbitration.Scoreboard}, fires the rules, and hands the board to the
 * {@link io.nextbest.arbitration.Arbitrator}. {@code RulesEngine} swaps rule sets on reload.
 * {@link io.nextbest.engine.Engines} is the one door the builder uses.
 */
package io.nextbest.engine;
