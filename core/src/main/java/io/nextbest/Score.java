package io.nextbest;

/**
 * How an offer's priority was reached: {@code priority = propensity x contextWeight x businessValue x lever}.
 *
 * @param propensity    the chance the customer accepts, 0 to 1
 * @param contextWeight how well the offer fits this interaction (1 is neutral)
 * @param businessValue the value of an accepted offer to the business
 * @param lever         the business's push or brake on the offer (1 is neutral)
 * @param priority      the product of the four
 */
public record Score(double propensity, double contextWeight, double businessValue, double lever, double priority) {

    public static Score of(double propensity, double contextWeight, double businessValue, double lever) {
        return new Score(propensity, contextWeight, businessValue, lever,
                propensity * contextWeight * businessValue * lever);
    }
}
