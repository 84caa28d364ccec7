package io.nextbest.outbound;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.InvalidRequestException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rows of outbound planning's three tables, read into what {@link OutboundPlanner.Run#plan} takes: a
 * customer with their consent and hours ({@link Recipient}), an {@link Event}, an earlier contact
 * ({@link Attempt}). Whatever holds the rows (a CSV file, a Spark table, a database query) hands them over as
 * {@link Cells}, and every reader of the tables reads a cell the same way.
 *
 * <p>The columns:
 * <ul>
 *   <li>customers: {@code id, timeZone, region, segment, tenureMonths, churnRisk, lifetimeValue, billingStatus,
 *       products, doNotCall, vulnerable, criticalCare, optIns, revoked, preferredHours}, and
 *       {@code attributes.NAME};</li>
 *   <li>events: {@code customerId, kind, time}, and {@code attributes.NAME};</li>
 *   <li>contact history: {@code customerId, program, channel, time, outcome, debt, conversation}.</li>
 * </ul>
 * A cell is text, as in a CSV file, or a typed value: a {@link Number}, a {@link Boolean}, an {@link Instant} or a
 * {@link Date} (such as a JDBC or Spark timestamp). An empty cell and a column the table does not have read alike.
 * Texts: lists are separated by {@code |} ({@code products}, {@code optIns}: {@code SMS:SERVICE+MARKETING|EMAIL},
 * {@code revoked}: {@code SMS@2026-11-25T10:00:00Z}); {@code preferredHours} is {@code 18:00-20:30}; times are
 * ISO-8601 instants; flags are {@code true} or {@code false} (empty is false); choices ignore case. An attribute's
 * text is a flag, a number or the text itself.
 *
 * <p>A bad cell is an {@link InvalidRequestException} whose {@linkplain InvalidRequestException#field() field} is the
 * column, with what is wrong and the value: the caller adds where the row is (a file's line, a table's key).
 */
public final class OutboundRows {
    /** The columns of the customers table, besides {@code attributes.NAME}. */
    public static final List<String> CUSTOMER_COLUMNS = List.of("id", "timeZone", "region", "segment",
            "tenureMonths", "churnRisk", "lifetimeValue", "billingStatus", "products", "doNotCall", "vulnerable",
            "criticalCare", "optIns", "revoked", "preferredHours");
    /** The columns of the events table, besides {@code attributes.NAME}. */
    public static final List<String> EVENT_COLUMNS = List.of("customerId", "kind", "time");
    /** The columns of the contact history table. */
    public static final List<String> HISTORY_COLUMNS = List.of("customerId", "program", "channel", "time",
            "outcome", "debt", "conversation");
    /** The prefix of an attribute's column: {@code attributes.plan} is the attribute {@code plan}. */
    public static final String ATTRIBUTES = "attributes.";

    private static final String TIME = "a time such as 2026-11-23T15:00:00Z";

    /** One row of a table, by column. */
    public interface Cells {
        /**
         * The cell of a column: its text or typed value; {@code null} (or empty text) when the cell is empty or the
         * table has no such column.
         */
        Object get(String column);

        /** The row's columns, in order: those that start with {@link #ATTRIBUTES} are read as attributes. */
        List<String> columns();

        /** A row held as its cells by column, such as a file's row or a query's; the map is read, not copied. */
        static Cells of(Map<String, ?> cells) {
            return new Cells() {
                @Override
                public Object get(String column) {
                    return cells.get(column);
                }

                @Override
                public List<String> columns() {
                    return List.copyOf(cells.keySet());
                }
            };
        }
    }

    private OutboundRows() {
    }

    /**
     * The customer of a customers row.
     *
     * @throws InvalidRequestException naming the column of the first bad cell
     */
    public static Recipient recipient(Cells row) {
        String id = text(row, "id");
        if (id.isEmpty()) {
            throw new InvalidRequestException("id", "is required", null);
        }
        Customer.Builder b = Customer.builder(id);
        String timeZone = text(row, "timeZone");
        if (!timeZone.isEmpty()) {
            b.timeZone(timeZone);
        }
        String products = text(row, "products");
        b.region(text(row, "region")).segment(text(row, "segment"))
                .tenureMonths((int) number(row, "tenureMonths", true))
                .churnRisk(number(row, "churnRisk", false))
                .lifetimeValue(number(row, "lifetimeValue", false))
                .doNotCall(flag(row, "doNotCall")).vulnerable(flag(row, "vulnerable"))
                .products(products.isEmpty() ? List.of() : Arrays.asList(products.split("\\|")));
        String billingStatus = text(row, "billingStatus");
        if (!billingStatus.isEmpty()) {
            b.billingStatus(choice(BillingStatus.class, billingStatus, "billingStatus"));
        }
        attributes(row).forEach(b::attribute);
        Map<Channel, Instant> revoked = new EnumMap<>(Channel.class);
        for (String part : parts(text(row, "revoked"))) {
            String[] p = part.split("@", 2);
            if (p.length != 2) {
                throw new InvalidRequestException("revoked", "must be CHANNEL@TIME, such as SMS@2026-11-25T10:00:00Z",
                        part);
            }
            revoked.put(choice(Channel.class, p[0], "revoked"), instant(p[1], "revoked"));
        }
        List<OptIn> optIns = new ArrayList<>();
        for (String part : parts(text(row, "optIns"))) {
            String[] p = part.split(":", 2);
            Set<ProgramKind> kinds = EnumSet.noneOf(ProgramKind.class);
            for (String k : p.length == 2 ? p[1].split("\\+") : new String[0]) {
                kinds.add(choice(ProgramKind.class, k, "optIns"));
            }
            Channel channel = choice(Channel.class, p[0], "optIns");
            optIns.add(new OptIn(channel, kinds, revoked.get(channel)));
        }
        LocalTime from = null;
        LocalTime to = null;
        String hours = text(row, "preferredHours");
        if (!hours.isEmpty()) {
            String[] p = hours.split("-", 2);
            try {
                from = LocalTime.parse(p[0].strip());
                to = LocalTime.parse(p[1].strip());
            } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw new InvalidRequestException("preferredHours", "must be FROM-TO, such as 18:00-20:30", hours);
            }
        }
        return new Recipient(b.build(), optIns, from, to, flag(row, "criticalCare"));
    }

    /**
     * The event of an events row.
     *
     * @throws InvalidRequestException naming the column of the first bad cell
     */
    public static Event event(Cells row) {
        return new Event(text(row, "customerId"), text(row, "kind"), time(row, "time"), attributes(row));
    }

    /**
     * The earlier contact of a contact history row.
     *
     * @throws InvalidRequestException naming the column of the first bad cell
     */
    public static Attempt attempt(Cells row) {
        String outcome = text(row, "outcome");
        return new Attempt(text(row, "customerId"), text(row, "program"),
                choice(Channel.class, text(row, "channel"), "channel"), time(row, "time"),
                outcome.isEmpty() ? null : choice(ContactOutcome.class, outcome, "outcome"),
                text(row, "debt"), flag(row, "conversation"));
    }

    /** A cell as text, stripped: a time as its ISO-8601 instant; empty when there is none. */
    public static String text(Cells row, String column) {
        Object v = row.get(column);
        if (v == null) {
            return "";
        }
        if (v instanceof Date d) {
            return instant(d).toString();
        }
        return String.valueOf(v).strip();
    }

    private static Map<String, Object> attributes(Cells row) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String column : row.columns()) {
            if (column.startsWith(ATTRIBUTES)) {
                Object v = row.get(column);
                Object typed = v instanceof Number n ? (Object) n.doubleValue()
                        : v instanceof Boolean b ? b : typed(text(row, column));
                if (!(typed instanceof String s && s.isEmpty())) {
                    attributes.put(column.substring(ATTRIBUTES.length()), typed);
                }
            }
        }
        return attributes;
    }

    private static List<String> parts(String value) {
        return value.isEmpty() ? List.of() : Arrays.stream(value.split("\\|")).map(String::strip).toList();
    }

    /** An attribute's text: true/false, a number, or the text. */
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

    private static double number(Cells row, String column, boolean whole) {
        Object v = row.get(column);
        if (v instanceof Number n) {
            if (whole && n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new InvalidRequestException(column, "must be a whole number", v);
            }
            return n.doubleValue();
        }
        String text = text(row, column);
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return whole ? Integer.parseInt(text) : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(column, whole ? "must be a whole number" : "must be a number", text);
        }
    }

    private static boolean flag(Cells row, String column) {
        if (row.get(column) instanceof Boolean b) {
            return b;
        }
        String text = text(row, column);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("false")) {
            return false;
        }
        if (lower.equals("true")) {
            return true;
        }
        throw new InvalidRequestException(column, "must be true or false", text);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String column) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new InvalidRequestException(column, "must be one of " + Arrays.toString(type.getEnumConstants()), value);
    }

    private static Instant time(Cells row, String column) {
        Object v = row.get(column);
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof Date d) {
            return instant(d);
        }
        String text = text(row, column);
        if (text.isEmpty()) {
            throw new InvalidRequestException(column, "is required: " + TIME, null);
        }
        return instant(text, column);
    }

    /** A timestamp's instant; a date, which has no time of day, at the time it holds. */
    private static Instant instant(Date d) {
        try {
            return d.toInstant();
        } catch (UnsupportedOperationException e) {
            return Instant.ofEpochMilli(d.getTime());
        }
    }

    private static Instant instant(String text, String column) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(column, "must be " + TIME, text);
        }
    }
}
