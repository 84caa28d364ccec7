package io.nextbest.outbound;

import java.util.List;

/**
 * An event that led to no contact, and why.
 *
 * @param customerId the customer
 * @param event      the kind of event
 * @param program    the program that would have been contacted, or {@code ""} when the rules chose none
 * @param reason     the deciding reason code: on the customer's first channel, or the one that kept the
 *                   contact from the plan (such as {@code CAPACITY_FULL})
 * @param details    a reason per channel tried, {@code "SMS: NO_OPT_IN"}, in the customer's order
 */
public record NoContact(String customerId, String event, String program, String reason, List<String> details) {

    public NoContact {
        details = List.copyOf(details);
    }
}
