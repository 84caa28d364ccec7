package io.nextbest.outbound;

import io.nextbest.Channel;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The center's capacity per channel and day (UTC), filled in priority order while customers stream past:
 * each channel and day keeps at most its capacity of contacts, the worst first in line to give way, so memory
 * grows with the capacity, never with the number of customers.
 */
final class CapacityQueue {
    /** Best first: the program's priority, then the rules' score, then, for a stable plan, the ids. */
    static final Comparator<PlannedContact> BEST_FIRST = Comparator.comparingInt(PlannedContact::priority).reversed()
            .thenComparing(Comparator.comparingDouble(PlannedContact::score).reversed())
            .thenComparing(PlannedContact::customerId)
            .thenComparing(PlannedContact::program)
            .thenComparing(PlannedContact::event);

    static final String FULL = "CAPACITY_FULL";

    private final Map<Channel, Integer> capacity;
    private final Map<Channel, Map<LocalDate, PriorityQueue<PlannedContact>>> held = new HashMap<>();

    CapacityQueue(Map<Channel, Integer> capacity) {
        this.capacity = capacity;
    }

    /**
     * Offers a contact to its channel's capacity. Returns the contact that gives way (the offered one, or a
     * worse one it displaced), or {@code null} when the capacity had room. A channel without a capacity is
     * passed through: the contact comes back in {@code unbounded}.
     */
    PlannedContact offer(PlannedContact contact, List<PlannedContact> unbounded) {
        Integer limit = capacity.get(contact.channel());
        if (limit == null) {
            unbounded.add(contact);
            return null;
        }
        PriorityQueue<PlannedContact> day = held.computeIfAbsent(contact.channel(), c -> new HashMap<>())
                .computeIfAbsent(contact.utcTime().atOffset(ZoneOffset.UTC).toLocalDate(),
                        d -> new PriorityQueue<>(BEST_FIRST.reversed()));
        if (day.size() < limit) {
            day.add(contact);
            return null;
        }
        PlannedContact worst = day.peek();
        if (worst == null || BEST_FIRST.compare(contact, worst) >= 0) {
            return contact;
        }
        day.poll();
        day.add(contact);
        return worst;
    }

    /** Every contact held, best first within each channel and day, channels and days in order; then empty. */
    List<PlannedContact> drain() {
        List<PlannedContact> all = new ArrayList<>();
        held.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(c -> c.getValue().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).forEach(d -> {
                    List<PlannedContact> day = new ArrayList<>(d.getValue());
                    day.sort(BEST_FIRST);
                    all.addAll(day);
                }));
        held.clear();
        return all;
    }
}
