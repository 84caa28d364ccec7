package io.nextbest.arbitration;

/**
 * What arbitration reads of a decision's offers, by catalog position: which rule left each out, if
 * one did, and the parts of its priority. The engine's {@link Scoreboard} is one; the benchmarks'
 * yardsticks, which decide without the engine, provide their own so that every implementation is
 * arbitrated and explained by the same code.
 */
public interface Scores {

    /** The rule that left out the offer at this catalog position, or {@code null} if it is in play. */
    RuleInfo leftOutBy(int offer);

    double propensityOf(int offer);

    double weightOf(int offer);

    double leverOf(int offer);
}
