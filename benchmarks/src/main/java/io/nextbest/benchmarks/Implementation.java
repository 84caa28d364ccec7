package io.nextbest.benchmarks;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.NextBest;
import io.nextbest.benchmarks.handwritten.HandwrittenEngine;
import io.nextbest.benchmarks.straightforward.StraightforwardEngine;
import io.nextbest.rules.DefaultRules;
import java.time.Clock;
import java.util.Locale;

/** The three ways of deciding with the default pack that the benchmarks compare. */
public enum Implementation {
    /** The library as a user calls it. */
    NEXTBEST {
        @Override
        public Decider build() {
            DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).build();
            return new Decider() {
                @Override
                public Decision decide(DecisionRequest request) {
                    return engine.decide(request);
                }

                @Override
                public void close() {
                    engine.close();
                }
            };
        }
    },
    /** The pack's logic by hand in plain Java: the speed of light. */
    HANDWRITTEN {
        @Override
        public Decider build() {
            return new HandwrittenEngine(DefaultRules.pack(), Clock.systemUTC());
        }
    },
    /** One fact per offer, rules joining it, a new stateless session per decision. */
    STRAIGHTFORWARD {
        @Override
        public Decider build() {
            return new StraightforwardEngine(DefaultRules.pack(), Clock.systemUTC());
        }
    };

    /** Builds a decider with the default pack: for the library, compiles it. */
    public abstract Decider build();

    /** The implementation of this name, such as {@code nextbest}. */
    public static Implementation named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not an implementation: use nextbest, handwritten "
                    + "or straightforward", e);
        }
    }
}
