package io.nextbest.learning;

import java.util.SplittableRandom;

/**
 * Thompson sampling's draw: a propensity from a Beta distribution around the estimate, as sure of it
 * as the evidence behind it. The random numbers come from a seed made of the decision id and the offer,
 * hashed the same way on every JVM, so the same decision draws the same propensity in every process.
 * The normal deviates are made here (Box-Muller) rather than by the JDK, whose algorithm may change.
 */
final class Thompson {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Thompson() {
    }

    /** A draw from Beta(1 + mean x outcomes, 1 + (1 - mean) x outcomes). */
    static double draw(double mean, double outcomes, String decisionId, String offerId) {
        SplittableRandom random = new SplittableRandom(seed(decisionId, offerId));
        double a = gamma(1 + mean * outcomes, random);
        double b = gamma(1 + (1 - mean) * outcomes, random);
        return a / (a + b);
    }

    /** A 64-bit FNV-1a hash of the decision id and the offer id. */
    static long seed(String decisionId, String offerId) {
        long h = OFFSET;
        for (String part : new String[] {decisionId, offerId}) {
            for (int i = 0; i < part.length(); i++) {
                h = (h ^ part.charAt(i)) * PRIME;
            }
            h = (h ^ 0x10000) * PRIME;
        }
        return h;
    }

    /** Marsaglia and Tsang's method, for a shape of at least 1 (always so here). */
    private static double gamma(double shape, SplittableRandom random) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        double u = 1 - random.nextDouble(); // in (0, 1]: the logarithm is finite
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
