package io.nextbest.examples;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.NextBest;
import io.nextbest.QueueType;
import io.nextbest.rules.DefaultRules;

/** The embedding example of the README, kept here so that it always compiles against the API. */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        try (DecisionEngine engine = NextBest.engine()
                .rules(DefaultRules.pack())          // or .rules(Path.of("rules/pack")).watch(Duration.ofSeconds(2))
                .build()) {                          // build once; share it across threads

            Customer customer = Customer.builder("C204518").tenureMonths(40).churnRisk(0.78)
                    .consents(Channel.INBOUND_VOICE).build();
            Interaction call = Interaction.builder(Channel.INBOUND_VOICE, Intent.BILLING)
                    .resolved(true).queue(QueueType.SERVICE).build();

            Decision decision = engine.decide(DecisionRequest.builder(customer, call).build());
            decision.offer().ifPresentOrElse(
                    offer -> System.out.println("Agent says: " + offer.script()),
                    () -> System.out.println("No offer: " + decision.reasons().get(0)));
        }
    }
}
