/**
 * Outcomes and proof: a durable ledger of decisions and their outcomes, holdout groups, lift against
 * the holdout with a confidence interval, the staffing a program needs, and a verdict on every
 * program. {@link io.nextbest.ledger.Ledger} is the one way in.
 */
package io.nextbest.ledger;
