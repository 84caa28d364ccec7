package io.nextbest.outbound;

import io.nextbest.Channel;
import io.nextbest.DecisionEngine;
import io.nextbest.InvalidRequestException;
import io.nextbest.Offer;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

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
 *
 * <p>A planner built with {@link Builder#threads(int) threads(n)} for {@code n > 1} decides a run's customers on
 * {@code n} threads of its own, in batches of a few dozen customers; the run starts them and stops them when it
 * closes. The listener is still called on the run's own thread, with customers in the order they came, so the plan
 * is the same as on one thread; only a few batches of customers wait for their decisions at a time.
 */
public final class OutboundPlanner {
    /** Customers decided together on one thread: enough to make handing them over cheap, few enough to stay small. */
    static final int BATCH = 64;

    private final DecisionEngine engine;
    private final OutboundPolicy policy;
    private final int threads;

    private OutboundPlanner(DecisionEngine engine, OutboundPolicy policy, int threads) {
        this.engine = engine;
        this.policy = policy;
        this.threads = threads;
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

    /**
     * Plans one customer as a run does, but leaves the center's capacity out: for a planner that fills the
     * capacity itself, across machines (a cluster). Each contact comes with the later times it may move to; a run
     * would hand the same contacts to its capacity, which keeps each at its time or moves it to the first of those
     * later times on a day with room ({@link PlannedContact#movedForCapacity}) or gives it up ({@link
     * NoContact#capacityFull}), the best contacts first ({@code priority}, then {@code score}, higher first; then
     * customer id, program and event). Safe to call from many threads.
     *
     * @param at when the plan starts
     * @throws InvalidRequestException if an event or attempt is another customer's
     */
    public CustomerPlan planWithoutCapacity(Recipient recipient, List<Event> events, List<Attempt> history,
                                            Instant at) {
        checkOwners(recipient, events, history);
        List<CapacityQueue.Movable> planned = new ArrayList<>();
        List<NoContact> notPlanned = new ArrayList<>();
        new CustomerPlanning(engine, policy, Objects.requireNonNull(at, "at"))
                .plan(recipient, List.copyOf(events), List.copyOf(history), planned, notPlanned);
        return new CustomerPlan(planned.stream().map(m -> new CustomerPlan.Candidate(m.contact(), m.later())).toList(),
                notPlanned);
    }

    private static void checkOwners(Recipient recipient, List<Event> events, List<Attempt> history) {
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
    }

    /** The number of threads a run decides customers on; 1: the thread that calls {@link Run#plan}. */
    public int threads() {
        return threads;
    }

    /** Builds a planner. */
    public static final class Builder {
        private final DecisionEngine engine;
        private OutboundPolicy policy;
        private int threads = 1;

        private Builder(DecisionEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** The contact policy and compliance rules; required. */
        public Builder policy(OutboundPolicy policy) {
            this.policy = policy;
            return this;
        }

        /**
         * The number of threads each run decides customers on (default 1: the thread that calls {@link Run#plan}).
         * A run of more than one thread starts its threads and stops them when it closes.
         *
         * @throws IllegalArgumentException if {@code threads} is below 1
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be 1 or more: " + threads);
            }
            this.threads = threads;
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
            return new OutboundPlanner(engine, policy, threads);
        }
    }

    /** One customer to plan. */
    private record Pending(Recipient recipient, List<Event> events, List<Attempt> history) {
    }

    /** One customer's part of the plan, before the center's capacity has its say. */
    private record Planned(List<CapacityQueue.Movable> planned, List<NoContact> notPlanned) {
    }

    /**
     * One planning run: customers in, plan out. Not thread-safe: one thread calls {@link #plan} and {@link #close},
     * and the listener hears of the plan on that thread.
     */
    public final class Run implements AutoCloseable {
        private final PlanListener listener;
        private final CustomerPlanning planning;
        private final CapacityQueue capacity;
        /** The threads deciding customers, or {@code null} when the run's own thread does. */
        private final ExecutorService workers;
        /** Batches being decided, oldest first: the plan takes them in this order. */
        private final ArrayDeque<Future<List<Planned>>> deciding = new ArrayDeque<>();
        private List<Pending> batch = new ArrayList<>(BATCH);
        private boolean closed;

        private Run(Instant at, PlanListener listener) {
            this.listener = listener;
            this.planning = new CustomerPlanning(engine, policy, at);
            this.capacity = new CapacityQueue(policy.capacity);
            this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemons());
        }

        /**
         * Plans one customer's events. On one thread the listener hears of them before this returns; on several,
         * once their batch is decided (at the latest when the run closes).
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
            checkOwners(recipient, events, history);
            Pending customer = new Pending(recipient, List.copyOf(events), List.copyOf(history));
            if (workers == null) {
                take(decide(customer));
                return;
            }
            batch.add(customer);
            if (batch.size() == BATCH) {
                send();
            }
        }

        private Planned decide(Pending c) {
            List<CapacityQueue.Movable> planned = new ArrayList<>();
            List<NoContact> notPlanned = new ArrayList<>();
            planning.plan(c.recipient(), c.events(), c.history(), planned, notPlanned);
            return new Planned(planned, notPlanned);
        }

        /** Hands the batch to the threads; takes the oldest batches' plans once enough wait. */
        private void send() {
            List<Pending> customers = batch;
            batch = new ArrayList<>(BATCH);
            deciding.add(workers.submit(() -> customers.stream().map(this::decide).toList()));
            // Two batches a thread keep every thread busy while the oldest is taken, and bound what waits.
            while (deciding.size() > 2 * threads) {
                takeOldest();
            }
        }

        private void takeOldest() {
            try {
                deciding.poll().get().forEach(this::take);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while planning", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** One customer's part of the plan, to the listener and to the center's capacity. */
        private void take(Planned p) {
            p.notPlanned().forEach(listener::notPlanned);
            List<PlannedContact> now = new ArrayList<>();
            List<NoContact> givenWay = new ArrayList<>();
            for (CapacityQueue.Movable c : p.planned()) {
                capacity.offer(c, now, givenWay);
            }
            givenWay.forEach(listener::notPlanned);
            now.forEach(listener::planned);
        }

        /**
         * Takes the plans of the customers still being decided, then hands over the contacts the capacity held,
         * best first per channel and day; stops the run's threads.
         */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (workers != null) {
                    if (!batch.isEmpty()) {
                        send();
                    }
                    while (!deciding.isEmpty()) {
                        takeOldest();
                    }
                }
                capacity.drain().forEach(listener::planned);
            } finally {
                if (workers != null) {
                    workers.shutdownNow();
                }
            }
        }
    }

    /** Daemon threads, named for what they do: a run that is never closed does not keep the JVM alive. */
    private static ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "nextbest-outbound-planner-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
