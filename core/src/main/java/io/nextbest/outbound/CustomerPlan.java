package io.nextbest.outbound;

import java.time.Instant;
import java.util.List;

/**
 * One customer's part of a plan before the center's capacity has its say ({@link
 * OutboundPlanner#planWithoutCapacity}): the contacts the customer may get, each with the later times it may move
 * to if its day is full, and the events that get no contact whatever the capacity.
 *
 * @param planned    the contacts, in the order the customer's events were decided
 * @param notPlanned the events without a contact, and why
 */
public record CustomerPlan(List<Candidate> planned, List<NoContact> notPlanned) {

    public CustomerPlan {
        planned = List.copyOf(planned);
        notPlanned = List.copyOf(notPlanned);
    }

    /**
     * A contact and where it may go when the center's capacity on its channel is full on its day.
     *
     * @param contact the contact at the first time it may be made
     * @param later   the times it may move to, earliest first, one on each later center's day at most, each
     *                approved by the contact policy and compliance (the caps count this contact at all of them);
     *                empty when its channel has no capacity or lets no contact move
     */
    public record Candidate(PlannedContact contact, List<Instant> later) {

        public Candidate {
            later = List.copyOf(later);
        }
    }
}
