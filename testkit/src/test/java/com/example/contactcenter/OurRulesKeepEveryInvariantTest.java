package com.example.contactcenter;

import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.RulePack;
import io.nextbest.testkit.DecisionInvariantProperties;
import io.nextbest.testkit.RequestArbitrary;
import io.nextbest.testkit.Requests;
import java.nio.file.Path;
import net.jqwik.api.Disabled;

/**
 * The README's "to run the whole catalogue on your pack", as it is written there, so that the build
 * compiles it ({@code TestkitReadmeTest} checks the two agree). Not run: {@code src/main/rules} is the
 * reader's folder; {@code DefaultPackKeepsEveryInvariantTest} runs the same on the default pack.
 */
@Disabled("the README's example, compiled but not run: src/main/rules is the reader's folder")
class OurRulesKeepEveryInvariantTest extends DecisionInvariantProperties {
    @Override
    protected RulePack rules() {
        return RulePack.directory(Path.of("src/main/rules"));
    }

    @Override
    protected NextBest.Builder configure(NextBest.Builder engine) {
        return engine.maxOffers(2);              // the settings you run with
    }

    @Override
    protected RequestArbitrary requests(DecisionEngine engine) {
        return Requests.inbound().forCatalog(engine.catalog());   // the traffic you take
    }
}
