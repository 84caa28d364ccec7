package io.nextbest.outbound;

import io.nextbest.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The center's capacity per channel and day (the center's day, in its time zone), filled in priority order while
 * customers stream past: each channel and day keeps at most its capacity of contacts, the worst first in line to
 * give way. A contact that gives way moves to the next of its later times (the first minute the customer may be
 * contacted on each of the next days) and competes there; one with no later time left is not planned. Memory grows
 * with the capacity and the days a contact may move, never with the number of customers.
 */
final class CapacityQueue {
    /** Best first: the program's priority, then the rules' score, then, for a stable plan, the ids. */
    static final Comparator<PlannedContact> BEST_FIRST = Comparator.comparingInt(PlannedContact::priority).reversed()
            .thenComparing(Comparator.comparingDouble(PlannedContact::score).reversed())
            .thenComparing(PlannedContact::customerId)
            .thenComparing(PlannedContact::program)
            .thenComparing(PlannedContact::event);
    private static final Comparator<Movable> WORST_FIRST = Comparator.comparing(Movable::contact, BEST_FIRST.reversed());

    static final String FULL = "CAPACITY_FULL";
    static final String MOVED = "MOVED_FOR_CAPACITY";

    /**
     * A contact as the capacity holds it: the times it may still move to, earliest first, each approved by the
     * contact policy and compliance when the customer was planned; and the center's days it gave way on.
     */
    record Movable(PlannedContact contact, List<Instant> later, List<LocalDate> fullOn) {
    }

    private final Map<Channel, Capacity> capacity;
    private final Map<Channel, TreeMap<LocalDate, PriorityQueue<Movable>>> held = new EnumMap<>(Channel.class);

    CapacityQueue(Map<Channel, Capacity> capacity) {
        this.capacity = capacity;
    }

    /**
     * Offers a contact to its channel's capacity. A channel without a capacity passes it through to {@code
     * unbounded}. Contacts that give way for good (the offered one or ones it displaced, once they have no later
     * time with room) go to {@code givenWay} as no-contacts.
     */
    void offer(Movable offered, List<PlannedContact> unbounded, List<NoContact> givenWay) {
        Capacity limit = capacity.get(offered.contact().channel());
        if (limit == null) {
            unbounded.add(offered.contact());
            return;
        }
        ArrayDeque<Movable> moving = new ArrayDeque<>();
        moving.add(offered);
        while (!moving.isEmpty()) {
            Movable m = moving.poll();
            LocalDate date = limit.day(m.contact().utcTime());
            PriorityQueue<Movable> day = held.computeIfAbsent(m.contact().channel(), c -> new TreeMap<>())
                    .computeIfAbsent(date, d -> new PriorityQueue<>(WORST_FIRST));
            Movable out = m;
            if (day.size() < limit.perDay()) {
                day.add(m);
                continue;
            }
            Movable worst = day.peek();
            if (worst != null && BEST_FIRST.compare(m.contact(), worst.contact()) < 0) {
                day.poll();
                day.add(m);
                out = worst;
            }
            Movable next = move(out, date, limit);
            if (next == null) {
                givenWay.add(noContact(out, date));
            } else {
                moving.add(next);
            }
        }
    }

    /** The contact at its next later time on a later day than {@code fullOn}, or {@code null} if none is left. */
    private static Movable move(Movable m, LocalDate fullOn, Capacity limit) {
        List<LocalDate> days = new ArrayList<>(m.fullOn());
        days.add(fullOn);
        for (int i = 0; i < m.later().size(); i++) {
            Instant time = m.later().get(i);
            if (limit.day(time).isAfter(fullOn)) {
                return new Movable(m.contact().movedForCapacity(time), m.later().subList(i + 1, m.later().size()), days);
            }
        }
        return null;
    }

    private static NoContact noContact(Movable m, LocalDate lastDay) {
        List<LocalDate> days = new ArrayList<>(m.fullOn());
        days.add(lastDay);
        return NoContact.capacityFull(m.contact(), days);
    }

    /** Every contact held, best first within each channel and day, channels and days in order; then empty. */
    List<PlannedContact> drain() {
        List<PlannedContact> all = new ArrayList<>();
        held.forEach((channel, days) -> days.forEach((date, day) -> {
            List<PlannedContact> contacts = new ArrayList<>(day.size());
            day.forEach(m -> contacts.add(m.contact()));
            contacts.sort(BEST_FIRST);
            all.addAll(contacts);
        }));
        held.clear();
        return all;
    }
}
