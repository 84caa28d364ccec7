package com.example.contactcenter;

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

public class EmbeddingExample {
    public static void main(String[] args) {
        // Build the engine once and share it across threads; close it (here, try-with-resources) when done.
        try (DecisionEngine engine = NextBest.engine()
                .rules(DefaultRules.pack())      // or .rules(Path.of("rules/pack")).watch(Duration.ofSeconds(2))
                .build()) {

            Customer customer = Customer.builder("C204518").tenureMonths(40).churnRisk(0.78)
                    .consents(Channel.INBOUND_VOICE).build();
            Interaction call = Interaction.builder(Channel.INBOUND_VOICE, Intent.BILLING)
                    .resolved(true).queue(QueueType.SERVICE).build();

            Decision decision = engine.decide(DecisionRequest.builder(customer, call).build());
            decision.offer().ifPresentOrElse(
                    offer -> System.out.println("Agent says: " + offer.script()),
                    () -> System.out.println("No offer (" + decision.reason().code() + "): "
                            + decision.reason().text()));
        }
    }
}
