package io.nextbest.learning;

/**
 * A learned propensity for one offer and one request.
 *
 * @param value    what arbitration uses: a Thompson draw around {@code mean}, reproducible from the decision id
 * @param mean     the estimate: the model's, blended with the rules' while the model has little evidence
 * @param evidence how many outcomes the offer's model has learned from
 */
public record Propensity(double value, double mean, long evidence) {
}
