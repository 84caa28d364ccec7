package io.nextbest.testkit;

import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.outbound.Attempt;
import io.nextbest.outbound.NoContact;
import io.nextbest.outbound.OptIn;
import io.nextbest.outbound.PlannedContact;
import io.nextbest.outbound.Recipient;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the default outbound policy promises, written out here independently of the planner (the law's
 * calling hours and the stricter Texan and Rhode Island windows, the Do-Not-Call scrub, each program's kind
 * and priority, the caps): each method returns the promises a plan breaks, empty when it keeps them all.
 */
final class OutboundPromises {
    static final LocalDate SCRUBBED = LocalDate.parse("2026-11-20");
    static final Set<String> MARKETING = Set.of("retention", "plan-change");
    static final Map<String, Integer> PRIORITY = Map.ofEntries(Map.entry("fraud-alert", 100), Map.entry("outage", 90),
            Map.entry("collections", 80), Map.entry("spending-limit", 70), Map.entry("loan-status", 60),
            Map.entry("welcome", 50), Map.entry("rate-change", 40), Map.entry("retention", 30),
            Map.entry("plan-change", 20), Map.entry("proactive-service", 10), Map.entry("information", 5));

    /** A cap: at most {@code atMost} contacts matching {@code matches} in any {@code days} days. */
    record Cap(String name, int days, int atMost, Predicate<Touch> matches) {
    }

    /** A contact as the caps count it. */
    record Touch(String program, Channel channel, Instant time) {
    }

    static final List<Cap> CAPS = List.of(
            new Cap("one a day", 1, 1, t -> true),
            new Cap("three a week", 7, 3, t -> true),
            new Cap("six a month", 30, 6, t -> true),
            new Cap("two calls a month", 30, 2, t -> t.channel() == Channel.OUTBOUND_VOICE),
            new Cap("one retention contact a month", 30, 1, t -> t.program().equals("retention")));

    private OutboundPromises() {
    }

    /** The calling hours of a region on a day, {@code [from, to)}; {@code null} for none. */
    static LocalTime[] callingHours(String region, DayOfWeek day) {
        if (region.equals("TX")) {
            return day == DayOfWeek.SUNDAY ? hours(12, 21) : hours(9, 21);
        }
        if (region.equals("RI") && day == DayOfWeek.SUNDAY) {
            return null;
        }
        return hours(8, 21);
    }

    private static LocalTime[] hours(int from, int to) {
        return new LocalTime[] {LocalTime.of(from, 0), LocalTime.of(to, 0)};
    }

    static boolean inCallingHours(Recipient r, Instant time) {
        ZonedDateTime local = time.atZone(r.customer().timeZone());
        LocalTime[] h = callingHours(r.customer().region(), local.getDayOfWeek());
        return h != null && !local.toLocalTime().isBefore(h[0]) && local.toLocalTime().isBefore(h[1]);
    }

    static boolean inPreferredHours(Recipient r, Instant time) {
        if (r.preferredFrom() == null) {
            return true;
        }
        LocalTime t = time.atZone(r.customer().timeZone()).toLocalTime();
        return !t.isBefore(r.preferredFrom()) && t.isBefore(r.preferredTo());
    }

    static List<String> outsideCallingHours(Map<String, OutboundCustomer> people, List<PlannedContact> plan) {
        List<String> broken = new ArrayList<>();
        for (PlannedContact c : plan) {
            if (!inCallingHours(people.get(c.customerId()).recipient(), c.utcTime())) {
                broken.add(c.customerId() + " " + c.program() + " at " + c.localTime() + " local, outside calling hours");
            }
        }
        return broken;
    }

    static List<String> doNotCall(Map<String, OutboundCustomer> people, List<PlannedContact> plan) {
        List<String> broken = new ArrayList<>();
        for (PlannedContact c : plan) {
            if (c.channel() != Channel.OUTBOUND_VOICE) {
                continue;
            }
            if (people.get(c.customerId()).recipient().customer().doNotCall()) {
                broken.add(c.customerId() + " is on a Do-Not-Call list and is called for " + c.program());
            }
            LocalDate day = c.utcTime().atOffset(ZoneOffset.UTC).toLocalDate();
            if (MARKETING.contains(c.program()) && day.isAfter(SCRUBBED.plusDays(31))) {
                broken.add(c.customerId() + " gets a marketing call on " + day + " with a list scrubbed on " + SCRUBBED);
            }
        }
        return broken;
    }

    static List<String> withoutConsent(Map<String, OutboundCustomer> people, List<PlannedContact> plan) {
        List<String> broken = new ArrayList<>();
        for (PlannedContact c : plan) {
            OptIn optIn = optIn(people.get(c.customerId()).recipient(), c.channel());
            boolean marketing = MARKETING.contains(c.program());
            if (optIn == null || !optIn.kinds().contains(marketing ? io.nextbest.outbound.ProgramKind.MARKETING
                    : io.nextbest.outbound.ProgramKind.SERVICE)) {
                broken.add(c.customerId() + " has no opt-in for " + c.program() + " on " + c.channel());
            }
        }
        return broken;
    }

    static List<String> pastARevocation(Map<String, OutboundCustomer> people, List<PlannedContact> plan) {
        List<String> broken = new ArrayList<>();
        for (PlannedContact c : plan) {
            OptIn optIn = optIn(people.get(c.customerId()).recipient(), c.channel());
            if (optIn != null && optIn.revokedAt() != null && !c.utcTime().isBefore(optIn.revokedAt())) {
                broken.add(c.customerId() + " revoked consent on " + c.channel() + " at " + optIn.revokedAt()
                        + " and is contacted at " + c.utcTime());
            }
        }
        return broken;
    }

    static List<String> overACap(Map<String, OutboundCustomer> people, List<PlannedContact> plan) {
        Map<String, List<Touch>> touches = new HashMap<>();
        people.values().forEach(p -> {
            for (Attempt a : p.history()) {
                touches.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(new Touch(a.program(), a.channel(), a.time()));
            }
        });
        plan.forEach(c -> touches.computeIfAbsent(c.customerId(), k -> new ArrayList<>())
                .add(new Touch(c.program(), c.channel(), c.utcTime())));
        List<String> broken = new ArrayList<>();
        for (PlannedContact c : plan) {
            if (!MARKETING.contains(c.program())) {
                continue;
            }
            Touch self = new Touch(c.program(), c.channel(), c.utcTime());
            for (Cap cap : CAPS) {
                if (!cap.matches().test(self)) {
                    continue;
                }
                long within = touches.get(c.customerId()).stream().filter(cap.matches())
                        .filter(t -> !t.time().isAfter(c.utcTime())
                                && t.time().isAfter(c.utcTime().minus(Duration.ofDays(cap.days()))))
                        .count();
                if (within > cap.atMost()) {
                    broken.add(c.customerId() + " " + c.program() + " at " + c.utcTime() + " makes " + within
                            + " contacts against the cap " + cap.name());
                }
            }
        }
        return broken;
    }

    /**
     * No channel holds more contacts on a day of the center than its capacity, and the contacts that gave way on a day
     * (not planned for it, or moved from it to a later day) are of programs no more pressing than those it holds.
     * A moved contact gave way at least on the day of the first minute the customer could be contacted.
     */
    static List<String> overCapacityOrOutOfOrder(Map<Channel, Integer> capacity, Map<Channel, ZoneId> centerZones,
                                                 Map<String, OutboundCustomer> people, Instant at,
                                                 List<PlannedContact> plan, List<NoContact> notPlanned) {
        Map<String, List<PlannedContact>> byDay = new HashMap<>();
        plan.forEach(c -> byDay.computeIfAbsent(c.channel() + " " + centerDay(centerZones, c.channel(), c.utcTime()),
                k -> new ArrayList<>()).add(c));
        List<String> broken = new ArrayList<>();
        byDay.forEach((day, contacts) -> {
            Channel channel = contacts.get(0).channel();
            if (capacity.containsKey(channel) && contacts.size() > capacity.get(channel)) {
                broken.add(day + ": " + contacts.size() + " contacts for a capacity of " + capacity.get(channel));
            }
        });
        for (NoContact n : notPlanned) {
            if (n.channel() == null) {
                continue;
            }
            String day = n.channel() + " " + centerDay(centerZones, n.channel(), n.time());
            for (PlannedContact c : byDay.getOrDefault(day, List.of())) {
                if (PRIORITY.get(c.program()) < PRIORITY.get(n.program())) {
                    broken.add(day + ": " + c.customerId() + " " + c.program() + " took the capacity " + n.customerId()
                            + " " + n.program() + " should have had");
                }
            }
        }
        for (PlannedContact moved : plan) {
            if (!moved.reasons().contains("MOVED_FOR_CAPACITY")) {
                continue;
            }
            Recipient r = people.get(moved.customerId()).recipient();
            Instant first = firstMinute(r, at, true);
            first = first == null ? firstMinute(r, at, false) : first;
            String day = moved.channel() + " " + centerDay(centerZones, moved.channel(), first);
            for (PlannedContact c : byDay.getOrDefault(day, List.of())) {
                if (PRIORITY.get(c.program()) < PRIORITY.get(moved.program())) {
                    broken.add(day + ": " + c.customerId() + " " + c.program() + " took the capacity "
                            + moved.customerId() + " " + moved.program() + " should have had, which moved to "
                            + moved.localTime());
                }
            }
        }
        return broken;
    }

    /** The center's day, in its own time zone, that an instant falls on for a channel. */
    static LocalDate centerDay(Map<Channel, ZoneId> centerZones, Channel channel, Instant time) {
        return time.atZone(centerZones.getOrDefault(channel, ZoneOffset.UTC)).toLocalDate();
    }

    /** A suppression: after {@code atLeast} matching contacts with the outcome within {@code within} days, none for {@code rest} days (null: ever). */
    record Suppression(String name, Predicate<Attempt> matches, int atLeast, int within, Integer rest) {
    }

    static final List<Suppression> SUPPRESSIONS = List.of(
            new Suppression("two marketing declines in 90 days", a -> marketing(a.program())
                    && a.outcome() == ContactOutcome.DECLINED, 2, 90, 90),
            new Suppression("three marketing contacts ignored in 30 days", a -> marketing(a.program())
                    && a.outcome() == ContactOutcome.IGNORED, 3, 30, 30),
            new Suppression("three retention declines in a year", a -> a.program().equals("retention")
                    && a.outcome() == ContactOutcome.DECLINED, 3, 365, null));

    /** A program the default policy does not know counts as marketing, as the planner counts it. */
    static boolean marketing(String program) {
        return MARKETING.contains(program) || !PRIORITY.containsKey(program);
    }

    static List<String> suppressed(Map<String, OutboundCustomer> people, List<PlannedContact> plan) {
        List<String> broken = new ArrayList<>();
        for (PlannedContact c : plan) {
            if (!MARKETING.contains(c.program())) {
                continue;
            }
            for (Suppression s : SUPPRESSIONS) {
                if (s.name().startsWith("three retention") && !c.program().equals("retention")) {
                    continue;
                }
                List<Instant> times = people.get(c.customerId()).history().stream().filter(s.matches())
                        .map(Attempt::time).filter(t -> !t.isAfter(c.utcTime())).sorted().toList();
                for (int last = s.atLeast() - 1; last < times.size(); last++) {
                    Instant first = times.get(last - s.atLeast() + 1);
                    Instant end = times.get(last);
                    if (!end.isAfter(first.plus(Duration.ofDays(s.within())))
                            && (s.rest() == null || c.utcTime().isBefore(end.plus(Duration.ofDays(s.rest()))))) {
                        broken.add(c.customerId() + " " + c.program() + " at " + c.utcTime() + " while '" + s.name()
                                + "' holds since " + end);
                        break;
                    }
                }
            }
        }
        return broken;
    }

    /**
     * Collection calls about one debt: at most 7 in any 7 days, counting the earlier calls about it, and none within 7
     * days after a conversation about it. A call's debt is its event's.
     */
    static List<String> overCollectionLimits(Map<String, OutboundCustomer> people, List<PlannedContact> plan) {
        List<String> broken = new ArrayList<>();
        for (PlannedContact c : plan) {
            if (!c.program().equals("collections") || c.channel() != Channel.OUTBOUND_VOICE) {
                continue;
            }
            OutboundCustomer p = people.get(c.customerId());
            // The planner plans one collection contact per customer: the first balance event by priority; if the
            // customer has balance events about both debts, the call must keep the limits of one of them.
            List<String> debts = p.events().stream().filter(e -> e.kind().equals(c.event())).map(e -> e.text("debt"))
                    .distinct().toList();
            List<String> whyNot = new ArrayList<>();
            for (String debt : debts) {
                List<Attempt> calls = p.history().stream().filter(a -> debt.equals(a.debt())
                        && a.channel() == Channel.OUTBOUND_VOICE && !a.time().isAfter(c.utcTime())).toList();
                Instant weekBefore = c.utcTime().minus(Duration.ofDays(7));
                long inWeek = calls.stream().filter(a -> a.time().isAfter(weekBefore)).count();
                boolean talked = calls.stream().anyMatch(a -> a.conversation() && a.time().isAfter(weekBefore));
                if (inWeek >= 7) {
                    whyNot.add(debt + ": the " + (inWeek + 1) + "th call in 7 days");
                } else if (talked) {
                    whyNot.add(debt + ": within 7 days after a conversation");
                }
            }
            if (!debts.isEmpty() && whyNot.size() == debts.size()) {
                broken.add(c.customerId() + " collection call at " + c.utcTime() + ": " + whyNot);
            }
        }
        return broken;
    }

    /**
     * A contact lands at the first minute from the plan's start in the customer's calling hours and, where the
     * two meet within a week, their preferred hours.
     */
    static List<String> notInTheNextAllowedWindow(Map<String, OutboundCustomer> people, Instant at,
                                                  Map<Channel, ZoneId> centerZones, List<PlannedContact> plan) {
        List<String> broken = new ArrayList<>();
        for (PlannedContact c : plan) {
            Recipient r = people.get(c.customerId()).recipient();
            // A contact moved for the center's capacity lands at the first allowed minute of the center's day it moved to.
            Instant from = !c.reasons().contains("MOVED_FOR_CAPACITY") ? at : centerDay(centerZones, c.channel(),
                    c.utcTime()).atStartOfDay(centerZones.getOrDefault(c.channel(), ZoneOffset.UTC)).toInstant();
            Instant expected = firstMinute(r, from, true);
            if (expected == null) {
                expected = firstMinute(r, from, false);
            }
            if (!c.utcTime().equals(expected)) {
                broken.add(c.customerId() + " " + c.program() + " at " + c.utcTime() + ", the next allowed minute is "
                        + expected);
            }
        }
        return broken;
    }

    private static Instant firstMinute(Recipient r, Instant at, boolean preferred) {
        Instant t = at;
        Instant end = at.plus(Duration.ofDays(8)).truncatedTo(ChronoUnit.DAYS);
        while (t.isBefore(end)) {
            if (inCallingHours(r, t) && (!preferred || inPreferredHours(r, t))) {
                return t;
            }
            t = t.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        }
        return null;
    }

    private static OptIn optIn(Recipient r, Channel channel) {
        return r.optIns().stream().filter(o -> o.channel() == channel).findFirst().orElse(null);
    }
}
