package io.nextbest.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A cap on marketing contacts (a row of {@code caps.csv}): at most {@code atMost} contacts that match
 * {@code target} within any {@code windowDays} days. Every cap holds at once.
 */
record Cap(String rule, String code, PolicyTable.Target target, int windowDays, int atMost) {

    /**
     * True if one more contact at {@code when} would break the cap. Contacts on either side of {@code when}
     * count, so that a contact planned before another but scheduled after it cannot break the cap either.
     */
    boolean reachedBy(Touch candidate, List<Touch> contacts) {
        if (!target.matches(candidate.channel(), candidate.program(), candidate.kind())) {
            return false;
        }
        Duration window = Duration.ofDays(windowDays);
        int near = 0;
        for (Touch t : contacts) {
            if (target.matches(t.channel(), t.program(), t.kind())
                    && Duration.between(t.time(), candidate.time()).abs().compareTo(window) < 0) {
                near++;
            }
        }
        return near >= atMost;
    }

    /** A contact as the caps count it: from the history or planned in this run. */
    record Touch(String program, ProgramKind kind, io.nextbest.Channel channel, Instant time,
                 io.nextbest.ContactOutcome outcome) {
    }
}
