package io.nextbest.engine;

import io.nextbest.NextBest;
import io.nextbest.learning.Learner;
import java.time.Clock;
import java.util.Objects;

/**
 * How an engine arbitrates and guards its rules.
 *
 * @param clock           the time of decisions whose interaction carries none
 * @param maxOffers       the most offers one decision makes (at least 1)
 * @param minimumPriority the priority below which no offer is made (at least 0)
 * @param maxRuleFirings  the most rule firings one decision may take before it fails as a loop
 * @param usePrecompiled  whether a pack compiled at build time ({@link Precompiler}) is loaded instead of
 *                        compiling its files, when its files are the same
 * @param learner         the propensities learned from outcomes, for the offers a pack's {@code learning.csv}
 *                        chooses; null if the engine has none (every offer then keeps the rules' propensity)
 */
public record EngineSettings(Clock clock, int maxOffers, double minimumPriority, int maxRuleFirings,
                             boolean usePrecompiled, Learner learner) {


    public EngineSettings {
        Objects.requireNonNull(clock, "clock");
        if (maxOffers < 1) {
            throw new IllegalArgumentException("maxOffers must be at least 1, got " + maxOffers);
        }
        if (!(minimumPriority >= 0) || Double.isInfinite(minimumPriority)) {
            throw new IllegalArgumentException("minimumPriority must be a number of at least 0, got " + minimumPriority);
        }
        if (maxRuleFirings < 1) {
            throw new IllegalArgumentException("maxRuleFirings must be at least 1, got " + maxRuleFirings);
        }
    }

    /** Settings without learned propensities. */
    public EngineSettings(Clock clock, int maxOffers, double minimumPriority, int maxRuleFirings,
                          boolean usePrecompiled) {
        this(clock, maxOffers, minimumPriority, maxRuleFirings, usePrecompiled, null);
    }

    /** Settings that load precompiled rules where there are some. */
    public EngineSettings(Clock clock, int maxOffers, double minimumPriority, int maxRuleFirings) {
        this(clock, maxOffers, minimumPriority, maxRuleFirings, true);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Clock.systemUTC(), NextBest.DEFAULT_MAX_OFFERS, NextBest.DEFAULT_MINIMUM_PRIORITY,
                NextBest.DEFAULT_MAX_RULE_FIRINGS, true);
    }

    /** These settings, compiling the pack's files even where precompiled rules exist. */
    public EngineSettings compilingAlways() {
        return new EngineSettings(clock, maxOffers, minimumPriority, maxRuleFirings, false, learner);
    }
}
