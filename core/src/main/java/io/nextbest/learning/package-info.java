/**
 * Propensities that learn from outcomes: {@link io.nextbest.learning.Learner} keeps one online model per
 * offer over the {@link io.nextbest.learning.Predictors} a pack declares, starts from the rules' propensity
 * and explores by Thompson sampling; {@link io.nextbest.learning.ModelHealth} says what each model learned.
 */
package io.nextbest.learning;
