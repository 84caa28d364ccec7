package io.nextbest.learning;

import io.nextbest.DecisionRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One offer's online logistic regression, learned one outcome at a time by AdaGrad.
 *
 * <p>{@code logit(p) = intercept + sum of weight x feature}. A number predictor is one
 * feature, standardized by the running mean and spread of the values seen so far (clipped to
 * {@value #CLIP} spreads); a symbol predictor is one feature per value seen, 1 when the request has it.
 *
 * <p>Reads never wait: {@link #estimate} reads an immutable {@link Snapshot} that each outcome replaces
 * (copy on write); outcomes for the same model take turns on its lock.
 */
final class OnlineModel {
    /** AdaGrad's step: large enough to learn from a few hundred outcomes, small enough not to swing on one. */
    static final double STEP = 0.1;
    /** A small ridge penalty: a predictor seen rarely stays near 0 instead of fitting its few outcomes. */
    static final double RIDGE = 1e-4;
    /** A number more than this many spreads from the mean counts as this many: one outlier moves little. */
    static final double CLIP = 5;
    /** How many of the latest outcomes the model's health is measured on. */
    static final int RECENT = 1000;

    /** What estimates read: immutable once published. */
    record Snapshot(double[] weights, double[] mean, double[] spread, Map<String, Integer> symbols, long evidence,
                    long positives) {
    }

    private final Predictors predictors;
    // Guarded by this: the training state.
    private final Map<String, Integer> symbols;
    private double[] weights;
    private double[] squaredGradients;
    private final double[] mean;
    private final double[] sumOfSquares;
    private final long[] seen;
    private long evidence;
    private long positives;
    /** The estimate made just before each recent outcome was learned (prequential), and the outcome. */
    private final double[] recentEstimate = new double[RECENT];
    private final boolean[] recentOutcome = new boolean[RECENT];
    private long recent;
    private volatile Snapshot snapshot;

    OnlineModel(Predictors predictors) {
        this(predictors, new State(new HashMap<>(), new double[1 + predictors.size()],
                new double[1 + predictors.size()], new double[predictors.size()], new double[predictors.size()],
                new long[predictors.size()], 0, 0, new double[0], new boolean[0]));
    }

    OnlineModel(Predictors predictors, State state) {
        this.predictors = predictors;
        this.symbols = new HashMap<>(state.symbols());
        this.weights = state.weights().clone();
        this.squaredGradients = state.squaredGradients().clone();
        this.mean = state.mean().clone();
        this.sumOfSquares = state.sumOfSquares().clone();
        this.seen = state.seen().clone();
        this.evidence = state.evidence();
        this.positives = state.positives();
        for (int i = 0; i < state.recentEstimates().length; i++) {
            remember(state.recentEstimates()[i], state.recentOutcomes()[i]);
        }
        publish(true);
    }

    /** The full training state, to save a model and to restore it exactly. */
    record State(Map<String, Integer> symbols, double[] weights, double[] squaredGradients, double[] mean,
                 double[] sumOfSquares, long[] seen, long evidence, long positives, double[] recentEstimates,
                 boolean[] recentOutcomes) {
    }

    synchronized State state() {
        int n = (int) Math.min(recent, RECENT);
        double[] estimates = new double[n];
        boolean[] outcomes = new boolean[n];
        for (int k = 0; k < n; k++) {
            int i = (int) ((recent - n + k) % RECENT);
            estimates[k] = recentEstimate[i];
            outcomes[k] = recentOutcome[i];
        }
        return new State(Map.copyOf(symbols), weights.clone(), squaredGradients.clone(), mean.clone(),
                sumOfSquares.clone(), seen.clone(), evidence, positives, estimates, outcomes);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** The model's propensity for the request (without the rules' prior: {@link Learner} blends it in). Never blocks. */
    double estimate(Snapshot s, DecisionRequest request) {
        Object[] values = values(request);
        return sigmoid(linear(s.weights(), s.mean(), s.spread(), s.symbols(), values, null));
    }

    /** Learns one outcome. */
    void learn(DecisionRequest request, boolean positive) {
        Object[] values = values(request);
        synchronized (this) {
            boolean newSymbol = false;
            for (int j = 0; j < values.length; j++) {
                if (values[j] instanceof String symbol
                        && symbols.putIfAbsent(key(j, symbol), 1 + predictors.size() + symbols.size()) == null) {
                    newSymbol = true;
                }
            }
            if (newSymbol) {
                weights = Arrays.copyOf(weights, 1 + predictors.size() + symbols.size());
                squaredGradients = Arrays.copyOf(squaredGradients, weights.length);
            }
            Snapshot before = snapshot;
            double[] features = new double[weights.length];
            features[0] = 1; // the intercept
            double z = linear(weights, before.mean(), before.spread(), symbols, values, features);
            double p = sigmoid(z);
            remember(p, positive);
            double error = p - (positive ? 1 : 0);
            for (int k = 0; k < weights.length; k++) {
                if (features[k] != 0) {
                    double gradient = error * features[k] + (k == 0 ? 0 : RIDGE * weights[k]);
                    squaredGradients[k] += gradient * gradient;
                    weights[k] -= STEP * gradient / Math.sqrt(squaredGradients[k] + 1e-12);
                }
            }
            for (int j = 0; j < values.length; j++) {
                if (values[j] instanceof Double x) {
                    // Welford's running mean and sum of squares: stable, one value at a time.
                    seen[j]++;
                    double delta = x - mean[j];
                    mean[j] += delta / seen[j];
                    sumOfSquares[j] += delta * (x - mean[j]);
                }
            }
            evidence++;
            positives += positive ? 1 : 0;
            publish(newSymbol);
        }
    }

    private void publish(boolean symbolsChanged) {
        double[] spread = new double[mean.length];
        for (int j = 0; j < spread.length; j++) {
            spread[j] = seen[j] < 2 ? 0 : Math.sqrt(sumOfSquares[j] / (seen[j] - 1));
        }
        Snapshot old = snapshot;
        snapshot = new Snapshot(weights.clone(), mean.clone(), spread,
                symbolsChanged || old == null ? Map.copyOf(symbols) : old.symbols(), evidence, positives);
    }

    private void remember(double estimate, boolean outcome) {
        int i = (int) (recent % RECENT);
        recentEstimate[i] = estimate;
        recentOutcome[i] = outcome;
        recent++;
    }

    private Object[] values(DecisionRequest request) {
        Object[] values = new Object[predictors.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = predictors.list().get(j).valueIn(request);
        }
        return values;
    }

    /**
     * The model's part of the logit; fills {@code features} (by weight index) when it is given. A symbol
     * the model has not learned yet, or a number before its spread is known, adds nothing.
     */
    private static double linear(double[] w, double[] mean, double[] spread, Map<String, Integer> symbols,
                                 Object[] values, double[] features) {
        double z = w[0];
        for (int j = 0; j < values.length; j++) {
            if (values[j] instanceof Double x) {
                if (spread[j] > 0) {
                    double f = Math.max(-CLIP, Math.min(CLIP, (x - mean[j]) / spread[j]));
                    z += w[1 + j] * f;
                    if (features != null) {
                        features[1 + j] = f;
                    }
                }
            } else if (values[j] instanceof String symbol) {
                Integer k = symbols.get(key(j, symbol));
                if (k != null && k < w.length) {
                    z += w[k];
                    if (features != null) {
                        features[k] = 1;
                    }
                }
            }
        }
        return z;
    }

    static String key(int predictor, String symbol) {
        return predictor + "=" + symbol;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
