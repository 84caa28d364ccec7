package io.nextbest.outbound;

import io.nextbest.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts a plan as it passes: contacts by program and by channel, events without a contact by reason,
 * deferrals and moves. Not thread-safe: one per run.
 */
public final class PlanSummary implements PlanListener {
    private final Map<String, Integer> byProgram = new TreeMap<>();
    private final Map<Channel, Integer> byChannel = new TreeMap<>();
    private final Map<String, Integer> byReason = new TreeMap<>();
    private int planned;
    private int deferred;
    private int moved;
    private int notPlanned;

    @Override
    public void planned(PlannedContact contact) {
        planned++;
        byProgram.merge(contact.program(), 1, Integer::sum);
        byChannel.merge(contact.channel(), 1, Integer::sum);
        if (contact.reasons().contains(PlannedContact.DEFERRED)) {
            deferred++;
        }
        if (contact.reasons().contains(PlannedContact.MOVED_FOR_CAPACITY)) {
            moved++;
        }
    }

    @Override
    public void notPlanned(NoContact noContact) {
        notPlanned++;
        byReason.merge(noContact.reason(), 1, Integer::sum);
    }

    /**
     * Counts {@code count} contacts alike at once, for a plan counted elsewhere (a cluster's aggregation): the
     * same as hearing of each of them.
     *
     * @param deferred true if they were moved into the customer's calling hours
     * @param moved    true if they were moved to a later day for the center's capacity
     */
    public void addPlanned(String program, Channel channel, boolean deferred, boolean moved, long count) {
        int n = Math.toIntExact(count);
        planned += n;
        byProgram.merge(program, n, Integer::sum);
        byChannel.merge(channel, n, Integer::sum);
        this.deferred += deferred ? n : 0;
        this.moved += moved ? n : 0;
    }

    /** Counts {@code count} events without a contact, for one reason, at once. */
    public void addNotPlanned(String reason, long count) {
        int n = Math.toIntExact(count);
        notPlanned += n;
        byReason.merge(reason, n, Integer::sum);
    }

    public int planned() {
        return planned;
    }

    public int notPlanned() {
        return notPlanned;
    }

    /** Contacts moved into the customer's calling hours. */
    public int deferred() {
        return deferred;
    }

    /** Contacts moved to a later day because the center's capacity was full on theirs. */
    public int moved() {
        return moved;
    }

    public Map<String, Integer> byProgram() {
        return Map.copyOf(byProgram);
    }

    public Map<Channel, Integer> byChannel() {
        return Map.copyOf(byChannel);
    }

    public Map<String, Integer> byReason() {
        return Map.copyOf(byReason);
    }

    /** The summary for people, a line per count, in name order. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("planned: " + planned + " contacts (" + deferred + " deferred into calling hours, " + moved
                + " moved to a later day for capacity), " + notPlanned + " events without a contact");
        byProgram.forEach((k, v) -> lines.add("  program " + k + ": " + v));
        byChannel.forEach((k, v) -> lines.add("  channel " + k + ": " + v));
        byReason.forEach((k, v) -> lines.add("  no contact " + k + ": " + v));
        return lines;
    }
}
