package io.nextbest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How an offer's priority was reached: {@code priority = propensity x contextWeight x businessValue x lever}.
 *
 * @param propensity    the chance the customer accepts, 0 to 1
 * @param contextWeight how well the offer fits this interaction (1 is neutral)
 * @param businessValue the value of an accepted offer to the business
 * @param lever         the business's push or brake on the offer (1 is neutral)
 * @param priority      the product of the four
 * @param learned       set when the propensity was learned from outcomes rather than estimated by the rules
 *                      (absent from JSON otherwise)
 */
public record Score(double propensity, double contextWeight, double businessValue, double lever, double priority,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Learned learned) {

    /** A score whose propensity is the rules' (or the request's). */
    public Score(double propensity, double contextWeight, double businessValue, double lever, double priority) {
        this(propensity, contextWeight, businessValue, lever, priority, null);
    }

    public static Score of(double propensity, double contextWeight, double businessValue, double lever) {
        return new Score(propensity, contextWeight, businessValue, lever,
                propensity * contextWeight * businessValue * lever);
    }

    /**
     * A learned propensity: the score's {@code propensity} is a Thompson draw around {@code estimate}.
     *
     * @param estimate the model's estimate, blended with the rules' while evidence is scarce
     * @param evidence how many outcomes the offer's model had learned from
     */
    public record Learned(double estimate, long evidence) {
    }
}
