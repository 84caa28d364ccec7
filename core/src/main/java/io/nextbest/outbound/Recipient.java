package io.nextbest.outbound;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.InvalidRequestException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A customer as the outbound planner sees them: the profile the rules read, and the customer's own terms.
 *
 * @param customer       the profile (its time zone and region place the calling hours; its Do-Not-Call flag
 *                       keeps every call away); required
 * @param optIns         the customer's opt-ins, in the customer's own order of channels: the first allowed
 *                       one is used, the others are the fallbacks; at most one per channel
 * @param preferredFrom  the start of the hours the customer prefers, local time; {@code null} for any hour
 *                       the calling hours allow
 * @param preferredTo    the end of the preferred hours (exclusive); {@code null} with {@code preferredFrom}
 * @param criticalCare   a customer who must hear of an outage first (a facility, medical equipment at home)
 */
public record Recipient(Customer customer, List<OptIn> optIns, LocalTime preferredFrom, LocalTime preferredTo,
                        boolean criticalCare) {

    public Recipient {
        if (customer == null) {
            throw new InvalidRequestException("customer", "is required", null);
        }
        optIns = optIns == null ? List.of() : List.copyOf(optIns);
        Set<Channel> seen = new HashSet<>();
        for (OptIn o : optIns) {
            if (!seen.add(o.channel())) {
                throw new InvalidRequestException("optIns", "names a channel twice", o.channel());
            }
        }
        if ((preferredFrom == null) != (preferredTo == null)) {
            throw new InvalidRequestException("preferredTo", "preferred hours need a start and an end", preferredTo);
        }
        if (preferredFrom != null && !preferredFrom.isBefore(preferredTo)) {
            throw new InvalidRequestException("preferredTo", "must be after preferredFrom " + preferredFrom,
                    preferredTo);
        }
    }

    /** The customer's id. */
    public String id() {
        return customer.id();
    }

    /** The channels in the order the customer wants them tried. */
    public List<Channel> channels() {
        List<Channel> order = new ArrayList<>();
        optIns.forEach(o -> order.add(o.channel()));
        return order;
    }
}
