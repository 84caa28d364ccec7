package io.nextbest.outbound;

/** Receives the plan as it is made, one customer at a time (capacity-bound contacts when a run closes). */
public interface PlanListener {
    /** A contact is in the plan. */
    void planned(PlannedContact contact);

    /** An event led to no contact. */
    void notPlanned(NoContact noContact);
}
