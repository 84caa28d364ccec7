package com.example.contactcenter;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.NextBest;
import io.nextbest.ledger.Ledger;
import io.nextbest.ledger.Outcome;
import io.nextbest.ledger.OutcomeType;
import io.nextbest.rules.DefaultRules;
import java.nio.file.Path;

public class LedgerExample {
    public static void main(String[] args) {
        // One ledger and one engine for the application's life; the ledger's engine records every decision.
        try (Ledger ledger = Ledger.builder().file(Path.of(args.length > 0 ? args[0] : "ledger.db"))
                     .success("retention", OutcomeType.SAVED)   // a retention program succeeds when the customer stays
                     .build();
             DecisionEngine engine = ledger.engine(NextBest.engine().rules(DefaultRules.pack()).build())) {

            Customer customer = Customer.builder("C204518").tenureMonths(40).churnRisk(0.78)
                    .consents(Channel.INBOUND_VOICE).build();
            Interaction call = Interaction.builder(Channel.INBOUND_VOICE, Intent.CANCELLATION).build();
            Decision decision = engine.decide(DecisionRequest.builder(customer, call).build());

            // Later, when the call ends: what came of it, and the handle time the offer added.
            ledger.record(new Outcome(decision.decisionId(), OutcomeType.SAVED, 480.0, 210));
            System.out.println(ledger.report().text());
        }
    }
}
