package io.nextbest.examples.replay;

import io.nextbest.DecisionEngine;
import io.nextbest.Explanation;
import io.nextbest.FiredRule;
import io.nextbest.Stage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Suggests the context weights of a replay pack's arbitration rows from the training part alone.
 *
 * <p>Each row of the arbitration table multiplies a customer's priority by its weight when its
 * conditions hold, so the priority is the product of the weights of the rows that fire: a logistic
 * regression on "this row fired" ranks customers the same way when each weight is the exponential of
 * the row's coefficient. The tuner asks the engine which rows fire for every customer of the training
 * part who is not suppressed, fits that regression (with a small ridge penalty, so that a row that
 * fires for few customers keeps a weight near 1), and prints a weight per row for an analyst to copy
 * into the table. It never sees the report part: {@link Replay#training()} is all it is given.
 */
public final class Tuner {
    /** The ridge penalty on each coefficient: the weight of a row that fires for few customers stays near 1. */
    static final double RIDGE = 2.0;
    private static final int ITERATIONS = 30;

    /** A row of the arbitration table, with how often it fired on the training part and its fitted weight. */
    public record Row(String source, String rule, int customers, int positives, double weight) {
    }

    /**
     * The fit.
     *
     * @param rows       one per arbitration row that fired at least once, in table order
     * @param baseOdds   the odds of a positive for a customer for whom no row fires
     * @param customers  the training customers fitted (the suppressed are left out: they are never called)
     * @param suppressed the training customers a rule kept from being called
     */
    public record Fit(List<Row> rows, double baseOdds, int customers, int positives, int suppressed) {
        /** The fitted odds for a customer: the base odds times the weight of every row that fires. */
        double odds(Explanation e) {
            double odds = baseOdds;
            for (FiredRule f : e.fired()) {
                for (Row r : rows) {
                    odds *= r.source().equals(f.source()) ? r.weight() : 1;
                }
            }
            return odds;
        }
    }

    /**
     * Ranks customers by a fit's weights without writing them into the table: how the tuner checks a fit
     * on customers held out of it. Suppressed customers are not called, as with the rules.
     */
    public static final class FittedScorer implements Scorer {
        private final DecisionEngine engine;
        private final Fit fit;

        public FittedScorer(DecisionEngine engine, Fit fit) {
            this.engine = engine;
            this.fit = fit;
        }

        @Override
        public String mode() {
            return "fitted";
        }

        @Override
        public Score score(Case customer) {
            Explanation e = engine.explain(customer.request());
            return e.decision().leftOut().isEmpty() ? new Score(true, fit.odds(e), "FITTED")
                    : new Score(false, 0, e.decision().reason().code());
        }
    }

    private Tuner() {
    }

    public static Fit fit(DecisionEngine engine, List<Case> training) {
        Map<String, String> rules = new LinkedHashMap<>();
        List<List<String>> fired = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        int suppressed = 0;
        for (Case c : training) {
            Explanation e = engine.explain(c.request());
            if (!e.decision().leftOut().isEmpty()) {
                suppressed++;
                continue;
            }
            List<String> rows = new ArrayList<>();
            for (FiredRule f : e.fired()) {
                if (f.stage() == Stage.ARBITRATION) {
                    rules.putIfAbsent(f.source(), f.rule());
                    rows.add(f.source());
                }
            }
            fired.add(rows);
            outcomes.add(c.positive());
        }
        List<String> sources = new ArrayList<>(rules.keySet());
        sources.sort((a, b) -> Integer.compare(rowNumber(a), rowNumber(b)));
        int m = sources.size() + 1;
        double[][] x = new double[fired.size()][m];
        for (int i = 0; i < fired.size(); i++) {
            x[i][0] = 1;
            for (String s : fired.get(i)) {
                x[i][1 + sources.indexOf(s)] = 1;
            }
        }
        double[] beta = logistic(x, outcomes);
        List<Row> rows = new ArrayList<>();
        int positives = 0;
        for (boolean o : outcomes) {
            positives += o ? 1 : 0;
        }
        for (int j = 1; j < m; j++) {
            int n = 0;
            int p = 0;
            for (int i = 0; i < x.length; i++) {
                if (x[i][j] == 1) {
                    n++;
                    p += outcomes.get(i) ? 1 : 0;
                }
            }
            rows.add(new Row(sources.get(j - 1), rules.get(sources.get(j - 1)), n, p, Math.exp(beta[j])));
        }
        return new Fit(rows, Math.exp(beta[0]), x.length, positives, suppressed);
    }

    private static int rowNumber(String source) {
        String digits = source.replaceAll("\\D+", " ").strip();
        return digits.isEmpty() ? 0 : Integer.parseInt(digits.substring(digits.lastIndexOf(' ') + 1));
    }

    /** Ridge-penalised logistic regression by Newton's method; column 0 is the intercept, not penalised. */
    static double[] logistic(double[][] x, List<Boolean> y) {
        int m = x.length == 0 ? 1 : x[0].length;
        double[] beta = new double[m];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[m];
            double[][] hessian = new double[m][m];
            for (int j = 1; j < m; j++) {
                gradient[j] = -RIDGE * beta[j];
                hessian[j][j] = RIDGE;
            }
            for (int i = 0; i < x.length; i++) {
                double z = 0;
                for (int j = 0; j < m; j++) {
                    z += beta[j] * x[i][j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double w = p * (1 - p);
                for (int j = 0; j < m; j++) {
                    if (x[i][j] == 0) {
                        continue;
                    }
                    gradient[j] += ((y.get(i) ? 1 : 0) - p) * x[i][j];
                    for (int k = 0; k < m; k++) {
                        hessian[j][k] += w * x[i][j] * x[i][k];
                    }
                }
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int j = 0; j < m; j++) {
                beta[j] += step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < 1e-9) {
                break;
            }
        }
        return beta;
    }

    /** Solves {@code a . s = b} by Gaussian elimination with partial pivoting; {@code a} is positive definite. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] s = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = m[r][n];
            for (int c = r + 1; c < n; c++) {
                v -= m[r][c] * s[c];
            }
            s[r] = v / m[r][r];
        }
        return s;
    }

    /** Prints the fit as a table an analyst copies weights from. */
    public static void print(Fit fit, DataSet dataSet, PrintWriter out) {
        out.printf(Locale.ROOT, "Weights fitted on the training part only: %,d %s (%,d %s); %,d suppressed by a rule "
                + "and left out of the fit.%n", fit.customers(), dataSet.people(), fit.positives(), dataSet.positives(),
                fit.suppressed());
        out.printf(Locale.ROOT, "Odds of a positive when no row fires: %.4f%n%n", fit.baseOdds());
        out.printf(Locale.ROOT, "%-28s %9s %8s %7s  %s%n", "row", dataSet.people(), "rate", "weight", "rule");
        for (Row r : fit.rows()) {
            out.printf(Locale.ROOT, "%-28s %,9d %7.1f%% %7.2f  %s%n", r.source(), r.customers(),
                    r.customers() == 0 ? 0 : 100.0 * r.positives() / r.customers(), r.weight(), r.rule());
        }
        out.flush();
    }
}
