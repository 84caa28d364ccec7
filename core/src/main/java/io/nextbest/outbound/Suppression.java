package io.nextbest.outbound;

import io.nextbest.ContactOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A suppression (a row of {@code suppressions.csv}): after {@code atLeast} contacts matching {@code target}
 * with one of {@code outcomes} within {@code withinDays} days, no such contact for {@code forDays} days
 * from the last of them, or for good when {@code forDays} is {@code null}.
 */
record Suppression(String rule, String code, PolicyTable.Target target, Set<ContactOutcome> outcomes, int atLeast,
                   int withinDays, Integer forDays) {

    /** True if a contact like {@code candidate} is suppressed by the history. */
    boolean holds(Cap.Touch candidate, List<Cap.Touch> history) {
        if (!target.matches(candidate.channel(), candidate.program(), candidate.kind())) {
            return false;
        }
        List<Instant> times = new ArrayList<>();
        for (Cap.Touch t : history) {
            if (target.matches(t.channel(), t.program(), t.kind()) && outcomes.contains(t.outcome())
                    && !t.time().isAfter(candidate.time())) {
                times.add(t.time());
            }
        }
        times.sort(null);
        Duration within = Duration.ofDays(withinDays);
        for (int last = atLeast - 1; last < times.size(); last++) {
            Instant first = times.get(last - atLeast + 1);
            Instant end = times.get(last);
            boolean triggered = Duration.between(first, end).compareTo(within) <= 0;
            if (triggered && (forDays == null || candidate.time().isBefore(end.plus(Duration.ofDays(forDays))))) {
                return true;
            }
        }
        return false;
    }
}
