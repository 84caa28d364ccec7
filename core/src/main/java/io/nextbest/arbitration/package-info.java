/**
 * Internal: the last stage of a decision. The rules' actions write a
 * {@link io.nextbest.arbitration.Scoreboard} (offers left out, by which rule, and each offer's
 * propensity, weight and lever); the {@link io.nextbest.arbitration.Arbitrator} ranks the offers in
 * play by priority, applies the minimum priority and the number of offers, and writes the
 * {@link io.nextbest.Decision} and its {@link io.nextbest.Reason}s ({@link io.nextbest.arbitration.Reasons}).
 * Not API.
 */
package io.nextbest.arbitration;
