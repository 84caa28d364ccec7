package io.nextbest.testkit;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Outbound populations: customers (from {@link Customers#any()}, with ids {@code O-1}, {@code O-2}... in
 * order) with opt-ins on the outbound channels in their own order, some revoked, preferred hours, critical
 * care, events of every kind the default pack knows (and one it does not), and histories with declines,
 * ignored contacts and collection calls about two debts. Shrinks towards fewer customers, events and contacts.
 */
public final class PopulationArbitrary extends ArbitraryDecorator<List<OutboundCustomer>> {
    /** The event kinds generated: the default pack's, and one no rule knows. */
    public static final List<String> EVENT_KINDS = List.of("USAGE_NEAR_ALLOWANCE", "USAGE_OVER_ALLOWANCE", "OUTAGE",
            "BALANCE_DUE", "BALANCE_OVERDUE", "LOAN_STATUS_CHANGED", "SPENDING_LIMIT_NEAR", "SPENDING_LIMIT_EXCEEDED",
            "SUSPICIOUS_ACTIVITY", "RATE_CHANGE", "NEW_CUSTOMER", "CHURN_RISK_RISEN", "MOVED_HOUSE");
    /** The programs of generated histories. */
    public static final List<String> PROGRAMS = List.of("retention", "plan-change", "collections", "outage",
            "welcome", "fraud-alert", "rate-change");
    private static final List<Channel> OUTBOUND = List.of(Channel.OUTBOUND_VOICE, Channel.SMS, Channel.EMAIL);

    private int min = 1;
    private int max = 20;
    private int maxEvents = 3;
    private int maxHistory = 10;
    private List<String> eventKinds = EVENT_KINDS;
    private Arbitrary<Attempt> attempts = attempt();

    /** Between {@code min} and {@code max} customers. */
    public PopulationArbitrary ofSize(int min, int max) {
        PopulationArbitrary copy = copy();
        copy.min = min;
        copy.max = max;
        return copy;
    }

    /** At most {@code events} events and {@code contacts} earlier contacts per customer. */
    public PopulationArbitrary perCustomer(int events, int contacts) {
        PopulationArbitrary copy = copy();
        copy.maxEvents = events;
        copy.maxHistory = contacts;
        return copy;
    }

    /**
     * Customers in debt: balance events, and histories of up to 16 collection calls and texts about two debts in the
     * days before the plan, some of them conversations, so that the collection limits (7 calls in 7 days per debt,
     * none within 7 days after a conversation) come into play.
     */
    public PopulationArbitrary withCollectionCalls() {
        PopulationArbitrary copy = copy();
        copy.eventKinds = List.of("BALANCE_DUE", "BALANCE_OVERDUE");
        copy.maxHistory = 16;
        Arbitrary<Instant> times = Arbitraries.integers().between(-12 * 24 * 60, 24 * 60)
                .map(m -> Outbound.AROUND.plus(Duration.ofMinutes(m)));
        copy.attempts = Combinators.combine(Arbitraries.frequency(Tuple.of(8, Channel.OUTBOUND_VOICE),
                                Tuple.of(1, Channel.SMS)), times, Arbitraries.of("D-1", "D-2"),
                        Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)))
                .as((channel, time, debt, talked) -> new Attempt("draft", "collections", channel, time,
                        ContactOutcome.IGNORED, debt, talked));
        return copy;
    }

    /**
     * Customers weary of marketing: churn and usage events, and histories of up to 6 retention and plan-change
     * contacts between 45 and 11 days before {@link Outbound#AROUND}, most of them declined or ignored: few enough
     * and far enough back for the caps to let a contact through, so that the suppressions come into play.
     */
    public PopulationArbitrary withMarketingFatigue() {
        PopulationArbitrary copy = copy();
        copy.eventKinds = List.of("CHURN_RISK_RISEN", "USAGE_NEAR_ALLOWANCE", "USAGE_OVER_ALLOWANCE");
        copy.maxHistory = 6;
        Arbitrary<Instant> times = Arbitraries.integers().between(-45 * 24 * 60, -11 * 24 * 60)
                .map(m -> Outbound.AROUND.plus(Duration.ofMinutes(m)));
        copy.attempts = Combinators.combine(Arbitraries.of("retention", "plan-change"), Arbitraries.of(OUTBOUND), times,
                        Arbitraries.frequency(Tuple.of(5, ContactOutcome.DECLINED), Tuple.of(4, ContactOutcome.IGNORED),
                                Tuple.of(1, ContactOutcome.ACCEPTED)))
                .as((program, channel, time, outcome) -> new Attempt("draft", program, channel, time, outcome, null,
                        false));
        return copy;
    }

    private PopulationArbitrary copy() {
        PopulationArbitrary copy = new PopulationArbitrary();
        copy.min = min;
        copy.max = max;
        copy.maxEvents = maxEvents;
        copy.maxHistory = maxHistory;
        copy.eventKinds = eventKinds;
        copy.attempts = attempts;
        return copy;
    }

    @Override
    protected Arbitrary<List<OutboundCustomer>> arbitrary() {
        return customer().list().ofMinSize(min).ofMaxSize(max).map(PopulationArbitrary::numbered);
    }

    /** Ids in order, as the command's sorted files have them. */
    private static List<OutboundCustomer> numbered(List<OutboundCustomer> drafts) {
        List<OutboundCustomer> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            String id = String.format("O-%06d", i + 1);
            OutboundCustomer d = drafts.get(i);
            Customer c = d.recipient().customer();
            Customer renamed = new Customer(id, c.segment(), c.tenureMonths(), c.region(), c.timeZone(), c.products(),
                    c.lifetimeValue(), c.churnRisk(), c.billingStatus(), c.consents(), c.preferredChannel(),
                    c.doNotCall(), c.vulnerable(), c.attributes());
            Recipient r = d.recipient();
            List<Event> events = d.events().stream()
                    .map(e -> new Event(id, e.kind(), e.time(), e.attributes())).toList();
            List<Attempt> history = d.history().stream().map(a -> new Attempt(id, a.program(), a.channel(), a.time(),
                    a.outcome(), a.debt(), a.conversation())).toList();
            out.add(new OutboundCustomer(new Recipient(renamed, r.optIns(), r.preferredFrom(), r.preferredTo(),
                    r.criticalCare()), events, history));
        }
        return out;
    }

    private Arbitrary<OutboundCustomer> customer() {
        Arbitrary<Recipient> recipients = Combinators.combine(Customers.any(), optIns(), preferredHours(),
                Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)))
                .as((c, o, h, critical) -> new Recipient(c, o, h == null ? null : h.get1(), h == null ? null : h.get2(),
                        critical));
        return Combinators.combine(recipients, event(eventKinds).list().ofMaxSize(maxEvents),
                attempts.list().ofMaxSize(maxHistory)).as(OutboundCustomer::new);
    }

    private static Arbitrary<List<OptIn>> optIns() {
        Arbitrary<Set<ProgramKind>> kinds = Arbitraries.frequency(
                Tuple.of(5, (Set<ProgramKind>) EnumSet.allOf(ProgramKind.class)),
                Tuple.of(3, (Set<ProgramKind>) EnumSet.of(ProgramKind.SERVICE)),
                Tuple.of(1, (Set<ProgramKind>) EnumSet.of(ProgramKind.MARKETING)),
                Tuple.of(1, (Set<ProgramKind>) EnumSet.noneOf(ProgramKind.class)));
        Arbitrary<Instant> revoked = Arbitraries.integers().between(-5 * 24 * 60, 8 * 24 * 60)
                .map(m -> Outbound.AROUND.plus(Duration.ofMinutes(m))).injectNull(0.8);
        Arbitrary<OptIn> one = Combinators.combine(Arbitraries.of(OUTBOUND), kinds, revoked).as(OptIn::new);
        return one.list().ofMaxSize(3).uniqueElements(OptIn::channel);
    }

    private static Arbitrary<net.jqwik.api.Tuple.Tuple2<LocalTime, LocalTime>> preferredHours() {
        return Combinators.combine(Arbitraries.integers().between(6 * 2, 21 * 2), Arbitraries.integers().between(1, 10))
                .as((from, length) -> Tuple.of(LocalTime.of(from / 2, from % 2 * 30),
                        LocalTime.of(Math.min(23, from / 2 + length), from % 2 * 30)))
                .filter(t -> t.get1().isBefore(t.get2()))
                .injectNull(0.6);
    }

    private static Arbitrary<Event> event(List<String> kinds) {
        Arbitrary<Instant> times = Arbitraries.integers().between(-4 * 24 * 60, 5 * 24 * 60)
                .map(m -> Outbound.AROUND.plus(Duration.ofMinutes(m)));
        Arbitrary<Map<String, Object>> attributes = Combinators.combine(
                Arbitraries.integers().between(40, 120), Arbitraries.of("D-1", "D-2"))
                .as((usage, debt) -> {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("usagePercent", usage);
                    a.put("debt", debt);
                    return a;
                });
        return Combinators.combine(Arbitraries.of(kinds), times, attributes)
                .as((kind, time, a) -> new Event("draft", kind, time, a));
    }

    private static Arbitrary<Attempt> attempt() {
        Arbitrary<Instant> times = Arbitraries.integers().between(-60 * 24 * 60, 3 * 24 * 60)
                .map(m -> Outbound.AROUND.plus(Duration.ofMinutes(m)));
        return Combinators.combine(Arbitraries.of(PROGRAMS), Arbitraries.of(OUTBOUND), times,
                        Arbitraries.of(ContactOutcome.class), Arbitraries.of("D-1", "D-2").injectNull(0.3),
                        Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true)))
                .as((program, channel, time, outcome, debt, talked) -> new Attempt("draft", program, channel, time,
                        outcome, program.equals("collections") ? debt : null, talked));
    }
}
