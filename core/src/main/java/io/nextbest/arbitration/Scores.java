package io.nextbest.arbitration;

import io.nextbest.Score;

/**
 * What arbitration reads of a decision's offers, by catalog position: which rule left each out, if
 * one did, and the parts of its priority. The engine's {@link Scoreboard} is one; the benchmarks'
 * yardsticks, which decide without the engine, provide their own so that every implementation is
 * arbitrated and explained by the same code.
 *
 * <p>A no-offer's headline ({@link Reasons}) also needs to know which rules stated a <em>policy for
 * the whole interaction</em> (they leave out {@code all} offers or whole kinds, such as "a complaint
 * call gets no sales offer") and which offers rules for single offers left out (their own channels,
 * dates, eligibility...). An implementation that does not tell them apart keeps the defaults: no
 * policies, and every left-out offer left out for itself.
 */
public interface Scores {

    /** The rule that left out the offer at this catalog position, or {@code null} if it is in play. */
    RuleInfo leftOutBy(int offer);

    double propensityOf(int offer);

    double weightOf(int offer);

    double leverOf(int offer);

    /** The learned part of the offer's propensity, or {@code null} where it is the rules' (the default). */
    default Score.Learned learnedOf(int offer) {
        return null;
    }

    /**
     * True if a rule for single offers left out the offer at this catalog position, whatever else
     * did: the offer was out of the question on this interaction, policies or not.
     */
    default boolean leftOutForItself(int offer) {
        return leftOutBy(offer) != null;
    }

    /** How many times a policy for the whole interaction left offers out (a rule may count more than once). */
    default int policies() {
        return 0;
    }

    /** The rule of the {@code k}-th time, in the order they happened. */
    default RuleInfo policy(int k) {
        throw new IndexOutOfBoundsException("no policy " + k);
    }

    /** True if the {@code k}-th time left out the offer at this catalog position, whether or not a rule had before. */
    default boolean policyLeftOut(int k, int offer) {
        throw new IndexOutOfBoundsException("no policy " + k);
    }
}
