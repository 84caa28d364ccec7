package io.nextbest.outbound;

import io.nextbest.Channel;
import io.nextbest.DecisionEngine;
import io.nextbest.InvalidRequestException;
import io.nextbest.Offer;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Plans proactive outbound contacts: for each customer, with their events and contact history, which
 * program and offer, on which of the customer's channels, when (in their calling and preferred hours), with
 * which priority and reasons, approved by which compliance version.
 *
 * <pre>{@code
 * OutboundPlanner planner = OutboundPlanner.builder(engine).policy(DefaultRules.outboundPolicy()).build();
 * try (OutboundPlanner.Run run = planner.start(at, listener)) {
 *     for (...each customer...) run.plan(recipient, events, history);
 * }   // closing the run hands over the contacts the center's capacity holds
 * }</pre>
 *
 * <p>Customers stream through a run one at a time: a run keeps only the contacts that wait for the center's
 * daily capacity per channel (at most that capacity), never the customers. A planner is immutable and safe to
 * share; a run is for one thread.
 */
public final class OutboundPlanner {
    private final DecisionEngine engine;
    private final OutboundPolicy policy;

    private OutboundPlanner(DecisionEngine engine, OutboundPolicy policy) {
        this.engine = engine;
        this.policy = policy;
    }

    /** A planner deciding with {@code engine}, the same engine that decides inbound interactions. */
    public static Builder builder(DecisionEngine engine) {
        return new Builder(engine);
    }

    /** The policy the planner applies. */
    public OutboundPolicy policy() {
        return policy;
    }

    /** Starts a run that plans contacts from {@code at} on and hands them to {@code listener}. */
    public Run start(Instant at, PlanListener listener) {
        return new Run(Objects.requireNonNull(at, "at"), Objects.requireNonNull(listener, "listener"));
    }

    /** Builds a planner. */
    public static final class Builder {
        private final DecisionEngine engine;
        private OutboundPolicy policy;

        private Builder(DecisionEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** The contact policy and compliance rules; required. */
        public Builder policy(OutboundPolicy policy) {
            this.policy = policy;
            return this;
        }

        /**
         * The planner.
         *
         * @throws RuleSetException if an offer the rules may make on an outbound channel belongs to a program
         *                          the policy does not know: its kind and priority would be guesses
         */
        public OutboundPlanner build() {
            Objects.requireNonNull(policy, "policy");
            TreeSet<String> unknown = new TreeSet<>();
            for (Offer offer : engine.catalog().offers()) {
                if (offer.channels().stream().anyMatch(Channel::isOutbound) && !policy.programs.containsKey(offer.program())) {
                    unknown.add(offer.program());
                }
            }
            if (!unknown.isEmpty()) {
                List<RuleProblem> problems = new ArrayList<>();
                unknown.forEach(p -> problems.add(new RuleProblem("programs.csv", "", "has no row for program '" + p
                        + "', whose offers the rules may make on an outbound channel: give it a kind and a priority")));
                throw new RuleSetException(problems);
            }
            return new OutboundPlanner(engine, policy);
        }
    }

    /** One planning run: customers in, plan out. Not thread-safe. */
    public final class Run implements AutoCloseable {
        private final PlanListener listener;
        private final CustomerPlanning planning;
        private final CapacityQueue capacity;
        private boolean closed;

        private Run(Instant at, PlanListener listener) {
            this.listener = listener;
            this.planning = new CustomerPlanning(engine, policy, at);
            this.capacity = new CapacityQueue(policy.capacity);
        }

        /**
         * Plans one customer's events.
         *
         * @param recipient the customer and their terms
         * @param events    the customer's events, in any order
         * @param history   the customer's earlier outbound contacts, in any order
         * @throws InvalidRequestException if an event or attempt is another customer's
         */
        public void plan(Recipient recipient, List<Event> events, List<Attempt> history) {
            if (closed) {
                throw new IllegalStateException("the run is closed");
            }
            for (Event e : events) {
                if (!e.customerId().equals(recipient.id())) {
                    throw new InvalidRequestException("events", "holds an event of customer " + e.customerId()
                            + ", planned with customer " + recipient.id(), e.kind());
                }
            }
            for (Attempt a : history) {
                if (!a.customerId().equals(recipient.id())) {
                    throw new InvalidRequestException("history", "holds a contact with customer " + a.customerId()
                            + ", planned with customer " + recipient.id(), a.program());
                }
            }
            List<PlannedContact> planned = new ArrayList<>();
            List<NoContact> notPlanned = new ArrayList<>();
            planning.plan(recipient, events, history, planned, notPlanned);
            notPlanned.forEach(listener::notPlanned);
            List<PlannedContact> now = new ArrayList<>();
            for (PlannedContact c : planned) {
                PlannedContact givesWay = capacity.offer(c, now);
                if (givesWay != null) {
                    listener.notPlanned(new NoContact(givesWay.customerId(), givesWay.event(), givesWay.program(),
                            CapacityQueue.FULL, List.of(givesWay.channel() + ": " + CapacityQueue.FULL),
                            givesWay.channel(), givesWay.utcTime()));
                }
            }
            now.forEach(listener::planned);
        }

        /** Hands over the contacts the capacity held, best first per channel and day. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                capacity.drain().forEach(listener::planned);
            }
        }
    }
}
