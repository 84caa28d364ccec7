package io.nextbest.ledger;

import java.util.Locale;

/**
 * How much more often a program's contacted customers succeed than its held-out ones: the difference of
 * the two rates, with a 95% confidence interval by Newcombe's hybrid score method (his method 10: the
 * Wilson score interval of each rate, combined). Unlike the simple Wald interval, it stays inside -1 to 1
 * and keeps close to 95% coverage when a rate is near 0 or a group is small, as holdout groups are.
 *
 * @param difference the contacted rate less the held-out rate, from -1 to 1
 * @param low        the interval's lower end
 * @param high       the interval's upper end
 */
public record Lift(double difference, double low, double high) {
    /** The normal quantile for a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    /**
     * The lift of {@code successes} in {@code contacts} over {@code heldOutSuccesses} in {@code heldOut}.
     *
     * @throws IllegalArgumentException if a group is empty or has more successes than decisions
     */
    public static Lift between(long successes, long contacts, long heldOutSuccesses, long heldOut) {
        if (contacts < 1 || heldOut < 1) {
            throw new IllegalArgumentException("a lift needs both groups: " + contacts + " contacted, " + heldOut
                    + " held out");
        }
        if (successes < 0 || successes > contacts || heldOutSuccesses < 0 || heldOutSuccesses > heldOut) {
            throw new IllegalArgumentException("successes must be from 0 to the group's size: " + successes + " of "
                    + contacts + ", " + heldOutSuccesses + " of " + heldOut);
        }
        double p1 = (double) successes / contacts;
        double p0 = (double) heldOutSuccesses / heldOut;
        double[] w1 = wilson(successes, contacts);
        double[] w0 = wilson(heldOutSuccesses, heldOut);
        double d = p1 - p0;
        double low = d - Math.sqrt(square(p1 - w1[0]) + square(w0[1] - p0));
        double high = d + Math.sqrt(square(w1[1] - p1) + square(p0 - w0[0]));
        return new Lift(d, low, high);
    }

    /** True if the interval holds {@code value}. */
    public boolean covers(double value) {
        return low <= value && value <= high;
    }

    /** "lift +9.1 points, 95% CI 4.0 to 14.2". */
    public String text() {
        return String.format(Locale.ROOT, "lift %+.1f points, 95%% CI %.1f to %.1f", difference * 100, low * 100,
                high * 100);
    }

    private static double[] wilson(long x, long n) {
        double p = (double) x / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double square(double x) {
        return x * x;
    }
}
