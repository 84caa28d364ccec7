package io.nextbest.benchmarks;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.NextBest;
import io.nextbest.QueueType;
import io.nextbest.Sentiment;
import io.nextbest.rules.DefaultRules;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;

/**
 * How long an application waits, from the start of its JVM, for its first decision: it builds the
 * engine from the default pack and decides one request, as an application does at start-up.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.nextbest.benchmarks.FirstDecision [--compile]}</pre>
 *
 * <p>The default pack is precompiled when the {@code rules} module is built, and the engine loads it
 * so; {@code --compile} makes the engine compile the pack's files instead, as it does for a pack
 * edited since the build. Prints one line: the total, then where it went (JVM start to {@code main},
 * loading or compiling the pack, the first decision).
 */
public final class FirstDecision {
    private FirstDecision() {
    }

    public static void main(String[] args) {
        long main = System.currentTimeMillis();
        boolean compile = args.length > 0 && args[0].equals("--compile");
        DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).usePrecompiled(!compile).build();
        long built = System.currentTimeMillis();
        Decision decision = engine.decide(request());
        long decided = System.currentTimeMillis();
        // Read after the clock stops: the management classes take time to load.
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        boolean precompiled = engine.ruleSet().precompiled();
        System.out.printf(Locale.ROOT, "JVM start to first decision: %d ms (JVM start to main %d ms, %s %d ms, "
                        + "first decision %d ms: %s)%n", decided - start, main - start,
                precompiled ? "load the precompiled pack" : "compile the pack", built - main,
                decided - built, decision.offer().map(o -> o.offerId()).orElse("no offer"));
        engine.close();
    }

    /** A content customer on a resolved sales call: the pack makes them an offer. */
    static DecisionRequest request() {
        Customer customer = Customer.builder("C-1").tenureMonths(24).region("IL").timeZone("America/Chicago")
                .products("MOBILE_PLAN").lifetimeValue(2400).churnRisk(0.2)
                .consents(Channel.INBOUND_VOICE, Channel.CHAT).build();
        Interaction call = Interaction.builder(Channel.INBOUND_VOICE, Intent.GENERAL_INQUIRY)
                .sentiment(Sentiment.POSITIVE).resolved(true).handleTime(240, 600).queue(QueueType.SALES)
                .time(Instant.parse("2026-11-23T16:00:00Z")).build();
        return DecisionRequest.builder(customer, call).build();
    }
}
