package io.nextbest.outbound;

import io.nextbest.Channel;
import java.time.Instant;
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
 * @param channel    for a contact that was planned and then gave way to the center's capacity, its channel;
 *                   {@code null} otherwise
 * @param time       for such a contact, when it would have been made; {@code null} otherwise
 */
public record NoContact(String customerId, String event, String program, String reason, List<String> details,
                        Channel channel, Instant time) {

    public NoContact {
        details = List.copyOf(details);
    }

    /** An event that led to no contact: no channel carried one. */
    public NoContact(String customerId, String event, String program, String reason, List<String> details) {
        this(customerId, event, program, reason, details, null, null);
    }
}
