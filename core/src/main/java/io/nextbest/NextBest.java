package io.nextbest;

import io.nextbest.engine.EngineSettings;
import io.nextbest.engine.Engines;
import io.nextbest.learning.LearnedOffers;
import io.nextbest.learning.Learner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where an engine starts.
 *
 * <pre>{@code
 * DecisionEngine engine = NextBest.engine()
 *         .rules(Path.of("rules/pack"))
 *         .build();
 * Decision decision = engine.decide(request);
 * }</pre>
 */
public final class NextBest {
    /** The most offers one decision makes, unless set. */
    public static final int DEFAULT_MAX_OFFERS = 1;
    /** The priority under which nothing is offered, unless set. */
    public static final double DEFAULT_MINIMUM_PRIORITY = 5.0;
    /** The most rule firings one decision may take, unless set. */
    public static final int DEFAULT_MAX_RULE_FIRINGS = 10_000;

    private NextBest() {
    }

    /** A builder for a decision engine. */
    public static Builder engine() {
        return new Builder();
    }

    /** Settings for an engine; only the rules are required. */
    public static final class Builder {
        private Supplier<RulePack> rules;
        private Path folder;
        private Duration watchInterval;
        private RuleSetListener listener = new RuleSetListener() {
        };
        private Clock clock = Clock.systemUTC();
        private int maxOffers = DEFAULT_MAX_OFFERS;
        private double minimumPriority = DEFAULT_MINIMUM_PRIORITY;
        private int maxRuleFirings = DEFAULT_MAX_RULE_FIRINGS;
        private boolean usePrecompiled = true;
        private Learner learner;

        private Builder() {
        }

        /** The rule pack to decide with. */
        public Builder rules(RulePack rules) {
            Objects.requireNonNull(rules, "rules");
            this.rules = () -> rules;
            this.folder = null;
            return this;
        }

        /** The rule pack in a folder, read again on every {@link DecisionEngine#reload()}. */
        public Builder rules(Path folder) {
            Objects.requireNonNull(folder, "folder");
            this.rules = () -> RulePack.directory(folder);
            this.folder = folder;
            return this;
        }

        /**
         * Watches the rules folder and reloads edits every {@code interval}, on one daemon thread that
         * {@link DecisionEngine#close()} stops. Needs {@link #rules(Path)}.
         */
        public Builder watch(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("the watch interval must be above zero, got " + interval);
            }
            this.watchInterval = interval;
            return this;
        }

        /** Hears of reloaded and rejected rule edits. */
        public Builder listener(RuleSetListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The clock for interactions that carry no time (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The most offers one decision makes (default 1). */
        public Builder maxOffers(int maxOffers) {
            this.maxOffers = maxOffers;
            return this;
        }

        /** The priority under which nothing is offered (default 5.0): roughly the expected value an offer must bring. */
        public Builder minimumPriority(double minimumPriority) {
            this.minimumPriority = minimumPriority;
            return this;
        }

        /** The most rule firings one decision may take before it fails as a loop (default 10,000). */
        public Builder maxRuleFirings(int maxRuleFirings) {
            this.maxRuleFirings = maxRuleFirings;
            return this;
        }

        /**
         * Whether to load rules compiled at build time (see {@link io.nextbest.engine.Precompiler}) when
         * the pack's files are the ones precompiled; true unless set. Loading them skips compiling, which
         * is most of an application's start-up; an edited pack is compiled either way.
         */
        public Builder usePrecompiled(boolean usePrecompiled) {
            this.usePrecompiled = usePrecompiled;
            return this;
        }

        /**
         * Propensities learned from outcomes, for the offers and programs the pack's {@code learning.csv}
         * chooses (see {@link LearnedOffers}). The engine only reads it: the application feeds it outcomes
         * ({@link Learner#learn}), saves it ({@link Learner#save}) and reads its health; a reload of the
         * rules keeps it. Without one, every offer keeps the rules' propensity.
         */
        public Builder learner(Learner learner) {
            this.learner = Objects.requireNonNull(learner, "learner");
            return this;
        }

        /**
         * Compiles the rules, or loads them precompiled, and builds the engine.
         *
         * @throws RuleSetException listing every problem in the rules, each at its file and row or line
         */
        public DecisionEngine build() {
            if (rules == null) {
                throw new IllegalStateException("an engine needs rules: call rules(...) before build()");
            }
            if (watchInterval != null && folder == null) {
                throw new IllegalStateException("watch(...) needs the rules in a folder: call rules(Path)");
            }
            return Engines.start(rules,
                    new EngineSettings(clock, maxOffers, minimumPriority, maxRuleFirings, usePrecompiled, learner), listener,
                    folder, watchInterval);
        }
    }
}
