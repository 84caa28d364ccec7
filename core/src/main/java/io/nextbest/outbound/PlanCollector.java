package io.nextbest.outbound;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a plan in memory, for a plan small enough to hold (a test, a day's handful of customers); a large
 * plan is better written out as it comes. Equal when the same contacts and no-contacts came in the same order.
 */
public record PlanCollector(List<PlannedContact> planned, List<NoContact> notPlanned) implements PlanListener {

    /** An empty plan that fills as a run hands it contacts. */
    public PlanCollector() {
        this(new ArrayList<>(), new ArrayList<>());
    }

    @Override
    public void planned(PlannedContact contact) {
        planned.add(contact);
    }

    @Override
    public void notPlanned(NoContact noContact) {
        notPlanned.add(noContact);
    }
}
