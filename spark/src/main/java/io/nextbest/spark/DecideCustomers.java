package io.nextbest.spark;

import io.nextbest.outbound.Attempt;
import io.nextbest.outbound.CustomerPlan;
import io.nextbest.outbound.Event;
import io.nextbest.outbound.NoContact;
import io.nextbest.outbound.OutboundPlanner;
import io.nextbest.outbound.OutboundPolicy;
import io.nextbest.outbound.Recipient;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Decides a partition's customers in the executor, each with their events and contact history (one row per
 * customer: {@code customers}, {@code events}, {@code history}, the rows of each table with that customer id),
 * with the executor's one planner; nothing leaves the partition. Each customer's rows out ({@link
 * PlanTables#DECIDED}) are made as the partition is read, never all at once.
 */
final class DecideCustomers implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<PlanRules> rules;
    private final Instant at;

    DecideCustomers(Broadcast<PlanRules> rules, Instant at) {
        this.rules = rules;
        this.at = at;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> customers) {
        PlanRules r = rules.value();
        OutboundPlanner planner = withOwnClassLoader(() -> ExecutorPlanners.planner(r));
        OutboundPolicy policy = planner.policy();
        return new Iterator<>() {
            private final ArrayDeque<Row> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && customers.hasNext()) {
                    Row customer = customers.next();
                    withOwnClassLoader(() -> {
                        decide(customer, planner, policy, ready);
                        return null;
                    });
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /**
     * Runs {@code work} with this library's class loader as the thread's context class loader. A task thread's own
     * may be Spark's session class loader, which asks the driver, over the network, for every class it does not
     * find; Drools looks up many names that are no class at all, and each would cost a round trip. The library's
     * loader holds the job's jar (the library, the pack's precompiled rules, Drools) on a cluster as in local mode.
     */
    private static <T> T withOwnClassLoader(java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(DecideCustomers.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private void decide(Row row, OutboundPlanner planner, OutboundPolicy policy, ArrayDeque<Row> out) {
        String id = row.getAs("key");
        List<Row> customerRows = list(row, "customers");
        List<Row> eventRows = list(row, "events");
        if (customerRows.isEmpty()) {
            for (Row e : eventRows) {
                Object kind = e.getAs("kind");
                out.add(PlanTables.decided(new NoContact(id, kind == null ? "" : String.valueOf(kind), "",
                        PlanTables.CUSTOMER_NOT_IN_TABLE, List.of("the customers table has no row for customer " + id))));
            }
            return;
        }
        if (customerRows.size() > 1) {
            throw new InputTables.InputException("customers table, customer " + id + ": has " + customerRows.size()
                    + " rows; each customer is one row");
        }
        Recipient recipient = InputTables.recipient(customerRows.get(0));
        List<Event> events = new ArrayList<>(eventRows.size());
        eventRows.forEach(e -> events.add(InputTables.event(e)));
        // A table's rows come to a customer in no set order: time order makes every run decide alike.
        events.sort(java.util.Comparator.comparing(Event::time).thenComparing(Event::kind));
        List<Row> historyRows = list(row, "history");
        List<Attempt> history = new ArrayList<>(historyRows.size());
        historyRows.forEach(h -> history.add(InputTables.attempt(h)));
        CustomerPlan plan = planner.planWithoutCapacity(recipient, events, history, at);
        plan.notPlanned().forEach(n -> out.add(PlanTables.decided(n)));
        plan.planned().forEach(c -> out.add(PlanTables.decided(c.contact(), c.later(), policy)));
    }

    private static List<Row> list(Row row, String column) {
        int i = row.fieldIndex(column);
        return row.isNullAt(i) ? List.of() : row.getList(i);
    }
}
