package io.nextbest.benchmarks;

import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.outbound.Attempt;
import io.nextbest.outbound.Event;
import io.nextbest.outbound.OptIn;
import io.nextbest.outbound.ProgramKind;
import io.nextbest.outbound.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generated outbound population, one customer at a time and never held: customer {@code i} is the same for
 * the same seed, whatever else was generated, so a population of any size streams in constant memory. Mostly
 * United States customers with one or two events and a few earlier contacts, in the proportions an outbound
 * center sees (most events are service alerts; a quarter are marketing triggers).
 */
final class Population {
    /** The plan time the population's events and histories are dated around: a Monday, 15:00 UTC. */
    static final Instant AT = Instant.parse("2026-11-23T15:00:00Z");

    private static final String[][] PLACES = {{"IL", "America/Chicago"}, {"TX", "America/Chicago"},
        {"CA", "America/Los_Angeles"}, {"NY", "America/New_York"}, {"FL", "America/New_York"},
        {"CO", "America/Denver"}, {"AZ", "America/Phoenix"}, {"WA", "America/Los_Angeles"}};
    private static final String[] KINDS = {"OUTAGE", "BALANCE_DUE", "BALANCE_OVERDUE", "USAGE_NEAR_ALLOWANCE",
        "CHURN_RISK_RISEN", "NEW_CUSTOMER", "SUSPICIOUS_ACTIVITY", "RATE_CHANGE", "LOAN_STATUS_CHANGED",
        "SPENDING_LIMIT_NEAR"};
    private static final String[] PROGRAMS = {"retention", "plan-change", "collections", "outage", "rate-change"};
    private static final Channel[] CHANNELS = {Channel.SMS, Channel.OUTBOUND_VOICE, Channel.EMAIL};

    /** One customer, their events and their history. */
    record Member(Recipient recipient, List<Event> events, List<Attempt> history) {
    }

    private final long seed;

    Population(long seed) {
        this.seed = seed;
    }

    /** Customer {@code i} (ids in the order of {@code i}, as sorted files have them). */
    Member member(int i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        String id = String.format("P%09d", i);
        String[] place = PLACES[r.nextInt(PLACES.length)];
        Customer customer = Customer.builder(id).region(place[0]).timeZone(place[1]).tenureMonths(r.nextInt(0, 96))
                .churnRisk(r.nextInt(100) / 100.0).doNotCall(r.nextInt(100) < 8).build();
        List<OptIn> optIns = new ArrayList<>();
        int first = r.nextInt(CHANNELS.length);
        for (int c = 0; c < CHANNELS.length; c++) {
            if (r.nextInt(100) < 70) {
                EnumSet<ProgramKind> kinds = r.nextInt(100) < 60 ? EnumSet.allOf(ProgramKind.class)
                        : EnumSet.of(ProgramKind.SERVICE);
                Instant revoked = r.nextInt(100) < 3 ? AT.plus(Duration.ofHours(r.nextInt(-48, 48))) : null;
                optIns.add(new OptIn(CHANNELS[(first + c) % CHANNELS.length], kinds, revoked));
            }
        }
        LocalTime from = r.nextInt(100) < 20 ? LocalTime.of(r.nextInt(9, 18), 0) : null;
        Recipient recipient = new Recipient(customer, optIns, from, from == null ? null : from.plusHours(3),
                r.nextInt(100) < 5);
        List<Event> events = new ArrayList<>();
        for (int e = 1 + (r.nextInt(100) < 30 ? 1 : 0); e > 0; e--) {
            events.add(new Event(id, KINDS[r.nextInt(KINDS.length)], AT.minus(Duration.ofMinutes(r.nextInt(2880))),
                    Map.of("usagePercent", r.nextInt(60, 120), "debt", "D-" + r.nextInt(3))));
        }
        List<Attempt> history = new ArrayList<>();
        for (int h = r.nextInt(6); h > 0; h--) {
            String program = PROGRAMS[r.nextInt(PROGRAMS.length)];
            history.add(new Attempt(id, program, CHANNELS[r.nextInt(CHANNELS.length)],
                    AT.minus(Duration.ofMinutes(r.nextInt(60 * 24 * 60))), ContactOutcome.values()[r.nextInt(3)],
                    program.equals("collections") ? "D-" + r.nextInt(3) : null, r.nextInt(100) < 10));
        }
        return new Member(recipient, events, history);
    }
}
