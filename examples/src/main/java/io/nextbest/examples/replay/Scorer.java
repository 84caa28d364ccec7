package io.nextbest.examples.replay;

/**
 * What decides whom to call in a replay. The rules are one scorer; a learning one fits the same slot:
 * it sees every outcome through {@link #learn} once the call is over, in replay order, and never before
 * it scores that customer.
 */
public interface Scorer extends AutoCloseable {

    /** The name reports give the mode: {@code rules}. */
    String mode();

    /** Whether to call the customer, and with what priority. */
    Score score(Case customer);

    /** The outcome of a customer already scored, or of a customer of the training part. */
    default void learn(Case customer, boolean positive) {
        // the rules do not learn: an analyst tunes them
    }

    @Override
    default void close() {
    }

    /**
     * A customer's score.
     *
     * @param contacted false for a suppression or a no-offer: the customer is never called
     * @param priority  the rank among the customers called: higher first
     * @param reason    the code of the deciding reason
     */
    record Score(boolean contacted, double priority, String reason) {
    }
}
