package com.example.contactcenter;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.outbound.Event;
import io.nextbest.outbound.OptIn;
import io.nextbest.outbound.OutboundPlanner;
import io.nextbest.outbound.PlanCollector;
import io.nextbest.outbound.ProgramKind;
import io.nextbest.outbound.Recipient;
import io.nextbest.rules.DefaultRules;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

public class OutboundExample {
    public static void main(String[] args) {
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).build()) {
            OutboundPlanner planner = OutboundPlanner.builder(engine)
                    .policy(DefaultRules.outboundPolicy())   // or OutboundPolicy.read(Path.of("rules/outbound"))
                    .build();

            // Alerts by text, offers too; e-mail for alerts only. Texts first: the customer's order.
            Recipient customer = new Recipient(
                    Customer.builder("C1002").timeZone("America/Los_Angeles").region("CA").tenureMonths(14).build(),
                    List.of(new OptIn(Channel.SMS, EnumSet.allOf(ProgramKind.class), null),
                            new OptIn(Channel.EMAIL, EnumSet.of(ProgramKind.SERVICE), null)),
                    null, null, false);
            Instant at = Instant.parse("2026-11-23T15:00:00Z");   // 07:00 in Los Angeles
            Event usage = new Event("C1002", "USAGE_NEAR_ALLOWANCE", at, Map.of("usagePercent", 88));

            PlanCollector plan = new PlanCollector();           // or your own PlanListener, to stream
            try (OutboundPlanner.Run run = planner.start(at, plan)) {
                run.plan(customer, List.of(usage), List.of());  // one call per customer
            }
            plan.planned().forEach(c -> System.out.println(c.channel() + " at " + c.localTime() + " "
                    + c.zone() + ": " + c.offerId() + " " + c.reasons()));
        }
    }
}
