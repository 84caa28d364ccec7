package io.nextbest.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What one offer's model has learned, for an analyst to see what learns and what does not.
 *
 * @param offerId        the offer
 * @param evidence       outcomes learned from
 * @param positives      of those, accepted
 * @param recentOutcomes how many of the latest outcomes {@code recentAuc} is measured on (at most 1,000)
 * @param recentAuc      the area under the ROC curve of the estimates made just before each of those outcomes
 *                       was learned (0.5 is chance, 1 a perfect ranking); null until both outcomes were seen
 * @param topPredictors  the features with the largest weights, strongest first: a number predictor's weight is
 *                       per standard deviation, a symbol's ({@code field=value}) is for having that value
 */
public record ModelHealth(String offerId, long evidence, long positives, int recentOutcomes, Double recentAuc,
                          List<Influence> topPredictors) {
    /** How many features {@link #topPredictors} lists. */
    public static final int TOP = 5;

    /** A feature and its weight in the model's logit: positive raises the propensity. */
    public record Influence(String feature, double weight) {
    }

    static ModelHealth of(String offerId, Predictors predictors, OnlineModel model) {
        OnlineModel.State s = model.state();
        List<Influence> features = new ArrayList<>();
        for (int j = 0; j < predictors.size(); j++) {
            if (predictors.list().get(j).type() == Predictors.Type.NUMBER) {
                features.add(new Influence(predictors.list().get(j).field(), s.weights()[1 + j]));
            }
        }
        for (Map.Entry<String, Integer> e : s.symbols().entrySet()) {
            int eq = e.getKey().indexOf('=');
            String field = predictors.list().get(Integer.parseInt(e.getKey().substring(0, eq))).field();
            features.add(new Influence(field + "=" + e.getKey().substring(eq + 1), s.weights()[e.getValue()]));
        }
        features.sort(Comparator.comparingDouble((Influence i) -> -Math.abs(i.weight())).thenComparing(Influence::feature));
        return new ModelHealth(offerId, s.evidence(), s.positives(), s.recentEstimates().length,
                auc(s.recentEstimates(), s.recentOutcomes()), List.copyOf(features.subList(0, Math.min(TOP,
                        features.size()))));
    }

    /** The Mann-Whitney statistic: the chance that a positive outranks a negative, ties counting half. */
    static Double auc(double[] estimates, boolean[] outcomes) {
        long positives = 0;
        long negatives = 0;
        double wins = 0;
        for (int i = 0; i < estimates.length; i++) {
            if (!outcomes[i]) {
                continue;
            }
            positives++;
            for (int k = 0; k < estimates.length; k++) {
                if (!outcomes[k]) {
                    wins += estimates[i] > estimates[k] ? 1 : estimates[i] == estimates[k] ? 0.5 : 0;
                }
            }
        }
        for (boolean o : outcomes) {
            negatives += o ? 0 : 1;
        }
        return positives == 0 || negatives == 0 ? null : wins / (positives * negatives);
    }
}
