package io.nextbest.testkit;

import io.nextbest.outbound.Attempt;
import io.nextbest.outbound.Event;
import io.nextbest.outbound.Recipient;
import java.util.List;

/**
 * One customer of an outbound population: who they are and on what terms, what happened to them, and how they
 * were contacted before.
 */
public record OutboundCustomer(Recipient recipient, List<Event> events, List<Attempt> history) {
    public OutboundCustomer {
        events = List.copyOf(events);
        history = List.copyOf(history);
    }

    public String id() {
        return recipient.id();
    }
}
