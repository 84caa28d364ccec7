package io.nextbest.examples;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.InvalidRequestException;
import io.nextbest.outbound.Attempt;
import io.nextbest.outbound.Event;
import io.nextbest.outbound.OptIn;
import io.nextbest.outbound.ProgramKind;
import io.nextbest.outbound.Recipient;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The inputs of {@code nextbest outbound}, walked together one customer at a time. Every file is sorted by
 * customer id (as text, {@code LC_ALL=C sort}), so that a customer's events and history are read right after
 * the customer and nothing else is kept: memory does not grow with the number of customers. A row out of
 * order, of a customer the customers file does not hold, or with a bad field is reported with its file and
 * line and skipped; so is each event of a customer whose own row is skipped, since it cannot be planned.
 */
final class OutboundInputs implements Closeable {
    static final List<String> CUSTOMER_COLUMNS = List.of("id", "timeZone", "region", "segment", "tenureMonths",
            "churnRisk", "lifetimeValue", "billingStatus", "products", "doNotCall", "vulnerable", "criticalCare",
            "optIns", "revoked", "preferredHours");
    static final List<String> EVENT_COLUMNS = List.of("customerId", "kind", "time");
    static final List<String> HISTORY_COLUMNS = List.of("customerId", "program", "channel", "time", "outcome", "debt",
            "conversation");

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
        Customer.Builder b = Customer.builder(row.get("id"));
        if (!row.get("timeZone").isEmpty()) {
            b.timeZone(row.get("timeZone"));
        }
        b.region(row.get("region")).segment(row.get("segment"))
                .tenureMonths((int) number(row, "tenureMonths", true))
                .churnRisk(number(row, "churnRisk", false))
                .lifetimeValue(number(row, "lifetimeValue", false))
                .doNotCall(flag(row, "doNotCall")).vulnerable(flag(row, "vulnerable"))
                .products(row.get("products").isEmpty() ? List.of() : Arrays.asList(row.get("products").split("\\|")));
        if (!row.get("billingStatus").isEmpty()) {
            b.billingStatus(choice(row, "billingStatus", BillingStatus.class));
        }
        row.fields().forEach((name, value) -> {
            if (name.startsWith("attributes.") && !value.isBlank()) {
                b.attribute(name.substring("attributes.".length()), typed(value.strip()));
            }
        });
        Map<Channel, Instant> revoked = new EnumMap<>(Channel.class);
        for (String part : parts(row.get("revoked"))) {
            String[] p = part.split("@", 2);
            if (p.length != 2) {
                throw new InvalidRequestException("revoked", "must be CHANNEL@TIME, such as SMS@2026-11-25T10:00:00Z",
                        part);
            }
            revoked.put(channel(p[0], "revoked"), instant(p[1], "revoked"));
        }
        List<OptIn> optIns = new ArrayList<>();
        for (String part : parts(row.get("optIns"))) {
            String[] p = part.split(":", 2);
            Set<ProgramKind> kinds = EnumSet.noneOf(ProgramKind.class);
            for (String k : p.length == 2 ? p[1].split("\\+") : new String[0]) {
                kinds.add(enumOf(ProgramKind.class, k, "optIns"));
            }
            Channel c = channel(p[0], "optIns");
            optIns.add(new OptIn(c, kinds, revoked.get(c)));
        }
        LocalTime from = null;
        LocalTime to = null;
        if (!row.get("preferredHours").isEmpty()) {
            String[] p = row.get("preferredHours").split("-", 2);
            try {
                from = LocalTime.parse(p[0].strip());
                to = LocalTime.parse(p[1].strip());
            } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw new InvalidRequestException("preferredHours", "must be FROM-TO, such as 18:00-20:30",
                        row.get("preferredHours"));
            }
        }
        return new Recipient(b.build(), optIns, from, to, flag(row, "criticalCare"));
    }

    static Event event(InputRows.Row row) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        row.fields().forEach((name, value) -> {
            if (name.startsWith("attributes.") && !value.isBlank()) {
                attributes.put(name.substring("attributes.".length()), typed(value.strip()));
            }
        });
        return new Event(row.get("customerId"), row.get("kind"), instant(row.get("time"), "time"), attributes);
    }

    static Attempt attempt(InputRows.Row row) {
        return new Attempt(row.get("customerId"), row.get("program"), channel(row.get("channel"), "channel"),
                instant(row.get("time"), "time"),
                row.get("outcome").isEmpty() ? null : choice(row, "outcome", ContactOutcome.class),
                row.get("debt"), flag(row, "conversation"));
    }

    private static List<String> parts(String value) {
        return value.isEmpty() ? List.of() : Arrays.stream(value.split("\\|")).map(String::strip).toList();
    }

    private static Object typed(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static double number(InputRows.Row row, String field, boolean whole) {
        String v = row.get(field);
        if (v.isEmpty()) {
            return 0;
        }
        try {
            return whole ? Integer.parseInt(v) : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, whole ? "must be a whole number" : "must be a number", v);
        }
    }

    private static boolean flag(InputRows.Row row, String field) {
        String v = row.get(field).toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw new InvalidRequestException(field, "must be true or false", row.get(field));
    }

    private static <E extends Enum<E>> E choice(InputRows.Row row, String field, Class<E> type) {
        return enumOf(type, row.get(field), field);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new InvalidRequestException(field, "must be one of " + Arrays.toString(type.getEnumConstants()), value);
    }

    private static Channel channel(String value, String field) {
        return enumOf(Channel.class, value, field);
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a time such as 2026-11-23T15:00:00Z", value);
        }
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
