package io.nextbest.outbound;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.LeftOut;
import io.nextbest.Interaction;
import io.nextbest.QueueType;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans one customer: each event is decided by the rules on each of the customer's channels, in the
 * customer's order, and the first channel whose contact passes the opt-ins, compliance and contact policy
 * carries it. Events that start the higher-priority programs go first, so they take the caps first.
 */
final class CustomerPlanning {
    static final String NO_CHANNEL = "NO_CHANNEL_ALLOWED";
    static final String NO_OPT_IN = "NO_OPT_IN";
    static final String CONSENT_REVOKED = "CONSENT_REVOKED";
    static final String EVENT_NOT_YET = "EVENT_AFTER_PLAN_TIME";
    static final String ALREADY_PLANNED = "PROGRAM_ALREADY_PLANNED";
    static final String UNKNOWN_PROGRAM = "PROGRAM_NOT_IN_POLICY";
    static final String NO_PROGRAM = "NO_PROGRAM_FOR_EVENT";

    private final DecisionEngine engine;
    private final OutboundPolicy policy;
    private final Instant at;

    CustomerPlanning(DecisionEngine engine, OutboundPolicy policy, Instant at) {
        this.engine = engine;
        this.policy = policy;
        this.at = at;
    }

    /**
     * One event's decisions, a channel each, in the customer's order (or the reason the channel was not asked:
     * no opt-in, a revoked consent); and the priority of the program the first offer is for. Channels after that
     * first offer are decided only if the contact falls back to them.
     */
    private record Decided(Event event, Customer customer, Instant when, Map<Channel, Object> byChannel,
                           int priority) {
    }

    void plan(Recipient r, List<Event> events, List<Attempt> history, List<CapacityQueue.Movable> movable,
              List<NoContact> notPlanned) {
        List<PlannedContact> planned = new ArrayList<>();
        List<RankedOffer> offers = new ArrayList<>();
        List<Event> plannedFor = new ArrayList<>();
        List<Cap.Touch> touches = new ArrayList<>();
        for (Attempt a : history) {
            Program p = policy.programs.get(a.program());
            // A program the policy no longer knows counts as marketing: every cap then counts it.
            touches.add(new Cap.Touch(a.program(), p == null ? ProgramKind.MARKETING : p.kind(), a.channel(), a.time(),
                    a.outcome()));
        }
        List<Cap.Touch> past = List.copyOf(touches);
        Instant when = policy.compliance.nextAllowed(r, at);
        List<Decided> decided = new ArrayList<>();
        for (Event e : events) {
            if (e.time().isAfter(at)) {
                notPlanned.add(new NoContact(r.id(), e.kind(), "", EVENT_NOT_YET, List.of()));
            } else if (when == null) {
                notPlanned.add(new NoContact(r.id(), e.kind(), "", Compliance.NO_WINDOW, List.of()));
            } else {
                decided.add(decide(r, e, when));
            }
        }
        decided.sort(Comparator.comparingInt(Decided::priority).reversed()
                .thenComparing(d -> d.event().time()).thenComparing(d -> d.event().kind()));
        Set<String> programsPlanned = new HashSet<>();
        for (Decided d : decided) {
            List<String> details = new ArrayList<>();
            String firstReason = null;
            String program = "";
            PlannedContact contact = null;
            RankedOffer chosen = null;
            for (Map.Entry<Channel, Object> c : d.byChannel().entrySet()) {
                String refused;
                if (c.getValue() == null) {
                    c.setValue(decide(d.customer(), d.event(), c.getKey(), d.when()));
                }
                if (c.getValue() instanceof String notAsked) {
                    refused = notAsked;
                } else if (!(c.getValue() instanceof Decision decision)) {
                    throw new IllegalStateException("neither a decision nor a reason: " + c.getValue());
                } else if (decision.offer().isEmpty()) {
                    String[] why = whyNoOffer(d.event(), decision);
                    program = program.isEmpty() ? why[0] : program;
                    refused = why[1];
                } else {
                    RankedOffer offer = decision.offer().get();
                    program = offer.program();
                    refused = programsPlanned.contains(program) ? ALREADY_PLANNED
                            : refusal(r, d.event(), c.getKey(), offer, when, history, touches, past);
                    if (refused == null) {
                        contact = contact(r, d.event(), c.getKey(), offer, decision, when);
                        chosen = offer;
                    }
                }
                if (contact != null) {
                    break;
                }
                details.add(c.getKey() + ": " + refused);
                firstReason = firstReason == null ? refused : firstReason;
            }
            if (contact != null) {
                planned.add(contact);
                offers.add(chosen);
                plannedFor.add(d.event());
                programsPlanned.add(contact.program());
                touches.add(new Cap.Touch(contact.program(), contact.kind(), contact.channel(), contact.utcTime(),
                        io.nextbest.ContactOutcome.IGNORED));
            } else {
                notPlanned.add(new NoContact(r.id(), d.event().kind(), program,
                        firstReason == null ? NO_CHANNEL : firstReason, details));
            }
        }
        List<Cap.Touch> moves = new ArrayList<>(touches);
        for (int i = 0; i < planned.size(); i++) {
            PlannedContact c = planned.get(i);
            List<Instant> later = later(r, plannedFor.get(i), c, offers.get(i), history, moves, past);
            movable.add(new CapacityQueue.Movable(c, later, List.of()));
            later.forEach(t -> moves.add(new Cap.Touch(c.program(), c.kind(), c.channel(), t,
                    io.nextbest.ContactOutcome.IGNORED)));
        }
    }

    /**
     * The times a contact may move to if the center's capacity has no room for it on its day: the first minute the
     * customer may be contacted on each of the center's next days, as far as the channel's capacity lets contacts
     * move, that the contact policy and compliance approve as they approved the contact's own time. The caps count
     * every other contact of the customer at its own time and at every time it may move to, so that no two moves
     * together break a cap.
     */
    private List<Instant> later(Recipient r, Event e, PlannedContact c, RankedOffer offer, List<Attempt> history,
                                List<Cap.Touch> touches, List<Cap.Touch> past) {
        Capacity capacity = policy.capacity.get(c.channel());
        if (capacity == null || capacity.moveDays() == 0) {
            return List.of();
        }
        List<Cap.Touch> others = new ArrayList<>(touches);
        others.removeIf(t -> t.time().equals(c.utcTime()) && t.program().equals(c.program())
                && t.channel() == c.channel());
        LocalDate first = capacity.day(c.utcTime());
        LocalDate last = first.plusDays(capacity.moveDays());
        List<Instant> later = new ArrayList<>();
        for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            Instant time = policy.compliance.nextAllowed(r, capacity.start(day));
            if (time == null || capacity.day(time).isAfter(last)) {
                break;
            }
            if ((later.isEmpty() || !later.get(later.size() - 1).equals(time))
                    && refusal(r, e, c.channel(), offer, time, history, others, past) == null) {
                later.add(time);
            }
        }
        return later;
    }

    /**
     * The program and reason code of a decision without an offer, told by the programs the event starts: a
     * no-offer's headline is the rule that cost the best offer of the whole catalog, often one that only says the
     * event starts another program (a fraud alert needs suspicious activity), which is no answer for a churn event.
     * The deciding reason that concerns an offer of the event's programs comes first, then the reason such an offer
     * was left out; when the policy names no program the event starts, {@link #NO_PROGRAM}.
     */
    private String[] whyNoOffer(Event e, Decision decision) {
        Set<String> started = policy.programsStartedBy(e.kind());
        if (started.isEmpty()) {
            return new String[] {"", NO_PROGRAM};
        }
        for (Reason reason : decision.reasons()) {
            for (LeftOut l : decision.leftOut()) {
                if (started.contains(l.program()) && reason.offers().contains(l.offerId())) {
                    return new String[] {l.program(), reason.code()};
                }
            }
        }
        for (LeftOut l : decision.leftOut()) {
            if (started.contains(l.program())) {
                return new String[] {l.program(), l.code()};
            }
        }
        // The catalog has no offer of the event's programs.
        return new String[] {started.iterator().next(), NO_PROGRAM};
    }

    private Decided decide(Recipient r, Event e, Instant when) {
        Map<Channel, Object> byChannel = new LinkedHashMap<>();
        int priority = -1;
        Customer customer = asDecided(r, e, when);
        for (OptIn optIn : r.optIns()) {
            Channel channel = optIn.channel();
            boolean revoked = policy.compliance.revoked(optIn, when);
            if (revoked || optIn.kinds().isEmpty()) {
                byChannel.put(channel, revoked ? CONSENT_REVOKED : NO_OPT_IN);
            } else if (priority >= 0) {
                byChannel.put(channel, null);
            } else {
                Decision decision = decide(customer, e, channel, when);
                byChannel.put(channel, decision);
                if (decision.offer().isPresent()) {
                    Program p = policy.programs.get(decision.offer().get().program());
                    priority = p == null ? 0 : p.priority();
                }
            }
        }
        return new Decided(e, customer, when, byChannel, priority);
    }

    private Decision decide(Customer customer, Event e, Channel channel, Instant when) {
        Interaction interaction = Interaction.builder(channel, Intent.CAMPAIGN).id(e.kind()).resolved(true)
                .queue(QueueType.SALES).time(when).build();
        return engine.decide(DecisionRequest.builder(customer, interaction).build());
    }

    /**
     * The customer as the rules see a planned contact: the event's attributes over their own, {@code event}
     * (its kind), {@code planned} and {@code criticalCare}; consent on each channel whose opt-in is not
     * revoked by then. The contact history is not the rules' to count here: the policy's caps and
     * suppressions stand in for it, so that a service alert is never held back by marketing fatigue.
     */
    private Customer asDecided(Recipient r, Event e, Instant when) {
        Customer c = r.customer();
        Map<String, Object> attributes = new LinkedHashMap<>(c.attributes());
        attributes.putAll(e.attributes());
        attributes.put("event", e.kind());
        attributes.put("planned", true);
        attributes.put("criticalCare", r.criticalCare());
        Set<Channel> consents = new LinkedHashSet<>();
        r.optIns().forEach(o -> {
            if (!o.kinds().isEmpty() && !policy.compliance.revoked(o, when)) {
                consents.add(o.channel());
            }
        });
        List<Channel> order = r.channels();
        return new Customer(c.id(), c.segment(), c.tenureMonths(), c.region(), c.timeZone(), c.products(),
                c.lifetimeValue(), c.churnRisk(), c.billingStatus(), consents, order.isEmpty() ? null : order.get(0),
                c.doNotCall(), c.vulnerable(), attributes);
    }

    /** The reason code that keeps the contact off the plan, or {@code null} when it may be made. */
    private String refusal(Recipient r, Event e, Channel channel, RankedOffer offer, Instant when, List<Attempt> history,
                           List<Cap.Touch> touches, List<Cap.Touch> past) {
        Program program = policy.programs.get(offer.program());
        if (program == null) {
            return UNKNOWN_PROGRAM;
        }
        OptIn optIn = r.optIns().stream().filter(o -> o.channel() == channel).findFirst().orElseThrow();
        if (policy.compliance.revoked(optIn, when)) {
            return CONSENT_REVOKED;
        }
        if (!optIn.kinds().contains(program.kind())) {
            return NO_OPT_IN;
        }
        String blocked = policy.compliance.blocks(r, program, channel, when, e.text("debt"), history);
        if (blocked != null) {
            return blocked;
        }
        Cap.Touch candidate = new Cap.Touch(program.name(), program.kind(), channel, when, null);
        if (program.kind() == ProgramKind.MARKETING) {
            for (Cap cap : policy.caps) {
                if (cap.reachedBy(candidate, touches)) {
                    return cap.code();
                }
            }
        }
        for (Suppression s : policy.suppressions) {
            if (s.holds(candidate, past)) {
                return s.code();
            }
        }
        return null;
    }

    private PlannedContact contact(Recipient r, Event e, Channel channel, RankedOffer offer, Decision decision,
                                   Instant when) {
        Program program = policy.programs.get(offer.program());
        List<String> reasons = new ArrayList<>();
        for (Reason reason : decision.reasons()) {
            reasons.add(reason.code());
        }
        if (when.isAfter(at)) {
            reasons.add(Compliance.DEFERRED);
        }
        return new PlannedContact(r.id(), e.kind(), program.name(), program.kind(), offer.offerId(), offer.script(),
                program.actions(), channel, LocalDateTime.ofInstant(when, r.customer().timeZone()),
                r.customer().timeZone(), when, program.priority(), offer.score().priority(), reasons,
                policy.compliance.version);
    }
}
