package io.nextbest.examples;

import io.nextbest.InvalidRequestException;
import io.nextbest.outbound.Attempt;
import io.nextbest.outbound.Event;
import io.nextbest.outbound.OutboundRows;
import io.nextbest.outbound.Recipient;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The inputs of {@code nextbest outbound}, walked together one customer at a time. Every file is sorted by
 * customer id (as text, {@code LC_ALL=C sort}), so that a customer's events and history are read right after
 * the customer and nothing else is kept: memory does not grow with the number of customers. A row out of
 * order, of a customer the customers file does not hold, or with a bad field is reported with its file and
 * line and skipped; so is each event of a customer whose own row is skipped, since it cannot be planned.
 */
final class OutboundInputs implements Closeable {
    static final List<String> CUSTOMER_COLUMNS = OutboundRows.CUSTOMER_COLUMNS;
    static final List<String> EVENT_COLUMNS = OutboundRows.EVENT_COLUMNS;
    static final List<String> HISTORY_COLUMNS = OutboundRows.HISTORY_COLUMNS;

    /** One customer with their events and history. */
    record Planned(Recipient recipient, List<Event> events, List<Attempt> history) {
    }

    /** Parses one row, or throws naming the bad field. */
    @FunctionalInterface
    interface Parse<T> {
        T of(InputRows.Row row);
    }

    private final InputRows customers;
    private final Group<Event> events;
    private final Group<Attempt> history;
    private final Consumer<String> skipped;
    private String lastCustomer;

    /**
     * @param skipped  told of each bad row, with its file and line
     * @param unplanned told of each event of a customer whose row was skipped, with its file and line
     */
    OutboundInputs(InputRows customers, InputRows events, InputRows history, Consumer<String> skipped,
                   Consumer<String> unplanned) {
        this.customers = customers;
        this.events = new Group<>(events, OutboundInputs::event, skipped, unplanned);
        this.history = history == null ? null : new Group<>(history, OutboundInputs::attempt, skipped, null);
        this.skipped = skipped;
    }

    /** The next customer with their events and history, or {@code null} when every file is read. */
    Planned next() throws IOException {
        for (InputRows.Row row = customers.next(); row != null; row = customers.next()) {
            String id = row.get("id");
            if (id.isEmpty()) {
                skipped.accept(row.place() + ": id: is required");
                continue;
            }
            if (lastCustomer != null && id.compareTo(lastCustomer) <= 0) {
                skipped.accept(row.place() + ": customer " + id + " comes after " + lastCustomer
                        + ": the file must be sorted by customer id, each customer once");
                continue;
            }
            lastCustomer = id;
            Recipient recipient = null;
            try {
                recipient = recipient(row);
            } catch (InvalidRequestException | IllegalArgumentException e) {
                skipped.accept(row.place() + ": " + e.getMessage());
            }
            String why = recipient != null ? null : "its customer's row, " + row.place() + ", was skipped";
            List<Event> theirEvents = events.take(id, why);
            List<Attempt> theirHistory = history == null ? List.of() : history.take(id, why);
            if (recipient != null) {
                return new Planned(recipient, theirEvents, theirHistory);
            }
        }
        events.rest();
        if (history != null) {
            history.rest();
        }
        return null;
    }

    /** The rows of one file that follows the customers file, taken a customer at a time. */
    private static final class Group<T> {
        private final InputRows rows;
        private final Parse<T> parse;
        private final Consumer<String> skipped;
        /** Told of a row of a skipped customer; {@code null}: such rows are dropped untold. */
        private final Consumer<String> unplanned;
        private InputRows.Row pending;
        private String last;

        Group(InputRows rows, Parse<T> parse, Consumer<String> skipped, Consumer<String> unplanned) {
            this.rows = rows;
            this.parse = parse;
            this.skipped = skipped;
            this.unplanned = unplanned;
        }

        /**
         * The rows of customer {@code id}; when {@code dropped} says why the customer was skipped, none: each is
         * read and told to {@code unplanned} with that reason.
         */
        List<T> take(String id, String dropped) throws IOException {
            List<T> taken = new ArrayList<>();
            while (true) {
                if (pending == null && (pending = rows.next()) == null) {
                    return taken;
                }
                InputRows.Row row = pending;
                String customer = row.get("customerId");
                int order = customer.compareTo(id);
                if (order > 0 && (last == null || customer.compareTo(last) >= 0)) {
                    return taken;
                }
                pending = null;
                if (customer.isEmpty()) {
                    skipped.accept(row.place() + ": customerId: is required");
                } else if (last != null && customer.compareTo(last) < 0) {
                    skipped.accept(row.place() + ": customer " + customer + " comes after " + last
                            + ": the file must be sorted by customer id, as the customers file is");
                } else if (order < 0) {
                    last = customer;
                    skipped.accept(row.place() + ": customer " + customer + " is not in the customers file");
                } else if (dropped == null) {
                    last = customer;
                    try {
                        taken.add(parse.of(row));
                    } catch (InvalidRequestException | IllegalArgumentException e) {
                        skipped.accept(row.place() + ": " + e.getMessage());
                    }
                } else if (unplanned != null) {
                    unplanned.accept(row.place() + ": " + row.get("kind") + " of customer " + customer
                            + " is not planned: " + dropped);
                }
            }
        }

        /** Reports every row left: no customer of the customers file is theirs. */
        void rest() throws IOException {
            take("\uffff", "");
            if (pending != null) {
                skipped.accept(pending.place() + ": customer " + pending.get("customerId")
                        + " is not in the customers file");
                pending = null;
                rest();
            }
        }
    }

    static Recipient recipient(InputRows.Row row) {
        return OutboundRows.recipient(OutboundRows.Cells.of(row.fields()));
    }

    static Event event(InputRows.Row row) {
        return OutboundRows.event(OutboundRows.Cells.of(row.fields()));
    }

    static Attempt attempt(InputRows.Row row) {
        return OutboundRows.attempt(OutboundRows.Cells.of(row.fields()));
    }

    @Override
    public void close() throws IOException {
        customers.close();
        events.rows.close();
        if (history != null) {
            history.rows.close();
        }
    }
}
