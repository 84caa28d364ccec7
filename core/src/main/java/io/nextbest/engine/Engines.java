package io.nextbest.engine;

import io.nextbest.DecisionEngine;
import io.nextbest.RulePack;
import io.nextbest.RuleSetListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/** How {@link io.nextbest.NextBest.Builder} starts an engine: the one door from the API into the engine. */
public final class Engines {
    private Engines() {
    }

    /**
     * Compiles (or loads precompiled) the rules from {@code source} and starts an engine on them,
     * watching {@code folder} every {@code interval} if both are given.
     *
     * @throws io.nextbest.RuleSetException listing every problem in the rules
     */
    public static DecisionEngine start(Supplier<RulePack> source, EngineSettings settings, RuleSetListener listener,
                                       Path folder, Duration interval) {
        RulesEngine engine = new RulesEngine(source, settings, listener);
        if (folder != null && interval != null) {
            engine.watch(folder, interval);
        }
        return engine;
    }
}
