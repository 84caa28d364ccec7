package io.nextbest.outbound;

import io.nextbest.Channel;
import java.time.Instant;
import java.time.LocalDate;
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
    /** The reason code of a contact that found the center's capacity full on every day it could be made. */
    public static final String CAPACITY_FULL = CapacityQueue.FULL;

    public NoContact {
        details = List.copyOf(details);
    }

    /** An event that led to no contact: no channel carried one. */
    public NoContact(String customerId, String event, String program, String reason, List<String> details) {
        this(customerId, event, program, reason, details, null, null);
    }

    /**
     * A contact that gave way to the center's capacity for good, told with the days that were full for it.
     *
     * @param last   the contact at the last time it tried, on the last of {@code fullOn}
     * @param fullOn the center's days it found full, in the order it tried them
     */
    public static NoContact capacityFull(PlannedContact last, List<LocalDate> fullOn) {
        StringBuilder days = new StringBuilder();
        fullOn.forEach(d -> days.append(days.length() == 0 ? "" : ", ").append(d));
        return new NoContact(last.customerId(), last.event(), last.program(), CAPACITY_FULL,
                List.of(last.channel() + ": " + CAPACITY_FULL + " on " + days), last.channel(), last.utcTime());
    }
}
