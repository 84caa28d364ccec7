package io.nextbest.examples;

import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.RulePack;
import io.nextbest.rules.DefaultRules;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} option both commands share, and the engine it leads to. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Decide with the rule pack in this folder instead of the default pack.")
    Path folder;

    /**
     * Compiles the rules into an engine.
     *
     * @throws io.nextbest.RuleSetException listing every problem in the rules
     */
    DecisionEngine engine() {
        RulePack pack = folder == null ? DefaultRules.pack() : RulePack.directory(folder);
        return NextBest.engine().rules(pack).build();
    }
}
