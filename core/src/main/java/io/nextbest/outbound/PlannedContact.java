package io.nextbest.outbound;

import io.nextbest.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * One contact of the plan: who, what, where and when, and why it may be made.
 *
 * @param customerId        the customer
 * @param event             the kind of event that started it
 * @param program           the program, from the offer's catalog entry
 * @param kind              service or marketing
 * @param offerId           the offer the rules chose
 * @param message           what the customer reads or hears (the offer's script)
 * @param actions           what the customer can do with it ({@code PAY_NOW}, {@code TALK_TO_AGENT}...)
 * @param channel           the channel, the first of the customer's that allows the contact
 * @param localTime         when, in the customer's time zone
 * @param zone              the customer's time zone
 * @param utcTime           when, as an instant
 * @param priority          the program's priority: capacity is filled from the highest
 * @param score             the rules' priority of the offer, which orders contacts of the same program priority
 * @param reasons           the reason codes: the rules' own for the choice, then the planner's (a deferral)
 * @param complianceVersion the version of the compliance rules that approved it
 */
public record PlannedContact(String customerId, String event, String program, ProgramKind kind, String offerId,
                             String message, List<String> actions, Channel channel, LocalDateTime localTime,
                             ZoneId zone, Instant utcTime, int priority, double score, List<String> reasons,
                             String complianceVersion) {
    /** The reason code of a contact moved into the customer's calling hours. */
    public static final String DEFERRED = Compliance.DEFERRED;
    /** The reason code of a contact moved to a later day because the center's capacity was full on its own. */
    public static final String MOVED_FOR_CAPACITY = CapacityQueue.MOVED;

    public PlannedContact {
        actions = List.copyOf(actions);
        reasons = List.copyOf(reasons);
    }

    /**
     * This contact moved to {@code time}, a later day's, because the center's capacity had no room on its own
     * day: {@link #MOVED_FOR_CAPACITY} in place of a deferral, which no longer says why it is made when it is.
     */
    public PlannedContact movedForCapacity(Instant time) {
        List<String> moved = new ArrayList<>(reasons);
        moved.remove(DEFERRED);
        if (!moved.contains(MOVED_FOR_CAPACITY)) {
            moved.add(MOVED_FOR_CAPACITY);
        }
        return new PlannedContact(customerId, event, program, kind, offerId, message, actions, channel,
                LocalDateTime.ofInstant(time, zone), zone, time, priority, score, moved, complianceVersion);
    }
}
