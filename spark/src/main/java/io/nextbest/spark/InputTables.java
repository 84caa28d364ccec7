package io.nextbest.spark;

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
import java.sql.Timestamp;
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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The three input tables of a plan, row by row: the columns and the cell formats of {@code nextbest outbound}'s
 * files (so its CSV files are tables here as they are), and, for Parquet or any DataFrame, typed columns too: a
 * number, a true/false or a timestamp column is read as its value. A bad cell is an {@link InputException} naming
 * the table, the row (by its customer, and event or contact) and the column.
 */
final class InputTables {
    static final List<String> CUSTOMER_COLUMNS = List.of("id", "timeZone", "region", "segment", "tenureMonths",
            "churnRisk", "lifetimeValue", "billingStatus", "products", "doNotCall", "vulnerable", "criticalCare",
            "optIns", "revoked", "preferredHours");
    static final List<String> EVENT_COLUMNS = List.of("customerId", "kind", "time");
    static final List<String> HISTORY_COLUMNS = List.of("customerId", "program", "channel", "time", "outcome", "debt",
            "conversation");
    /** The columns a table cannot do without; the others may be left out and read as empty. */
    static final List<String> CUSTOMER_REQUIRED = List.of("id");
    static final List<String> EVENT_REQUIRED = EVENT_COLUMNS;
    static final List<String> HISTORY_REQUIRED = List.of("customerId", "program", "channel", "time");
    static final String ATTRIBUTES = "attributes.";

    /** A bad row of an input table: its message names the table, the row and the column. */
    static final class InputException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }

    private InputTables() {
    }

    /**
     * Checks a table's columns on the driver, before any task runs.
     *
     * @throws InputException naming the table and the missing or unknown column
     */
    static void checkColumns(String table, StructType schema, List<String> known, List<String> required) {
        List<String> names = Arrays.asList(schema.fieldNames());
        for (String column : required) {
            if (!names.contains(column)) {
                throw new InputException(table + " table: has no column '" + column + "'; its columns are "
                        + String.join(", ", names) + ", and it needs " + String.join(", ", required));
            }
        }
        for (String column : names) {
            if (!known.contains(column) && !column.startsWith(ATTRIBUTES)) {
                throw new InputException(table + " table: column '" + column + "' is not one of its columns: "
                        + String.join(", ", known) + " and attributes.NAME");
            }
        }
    }

    /**
     * One row, read by column name; a column the table does not have reads as empty. Where the row is (its
     * customer, and event or contact) is told only when a cell is bad.
     */
    private record Cells(Row row, String table, java.util.function.Supplier<String> where) {
        String text(String column) {
            Object v = value(column);
            if (v == null) {
                return "";
            }
            if (v instanceof Timestamp t) {
                return t.toInstant().toString();
            }
            return String.valueOf(v).strip();
        }

        Object value(String column) {
            scala.Option<Object> index = row.schema().getFieldIndex(column);
            if (index.isEmpty()) {
                return null;
            }
            int i = (Integer) index.get();
            return row.isNullAt(i) ? null : row.get(i);
        }

        InputException bad(String column, String message, Object value) {
            return new InputException(table + " table, " + where.get() + ", column " + column + ": " + message
                    + (value == null ? "" : ", got '" + value + "'"));
        }

        InputException bad(InvalidRequestException e) {
            return new InputException(table + " table, " + where.get() + ": " + e.getMessage());
        }

        Map<String, Object> attributes() {
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (String name : row.schema().fieldNames()) {
                if (name.startsWith(ATTRIBUTES)) {
                    Object v = value(name);
                    Object typed = v instanceof Number n ? (Object) n.doubleValue()
                            : v instanceof Boolean b ? b : v == null ? null : typed(String.valueOf(v).strip());
                    if (typed != null && !(typed instanceof String s && s.isEmpty())) {
                        attributes.put(name.substring(ATTRIBUTES.length()), typed);
                    }
                }
            }
            return attributes;
        }
    }

    /** The customer of a customers row. */
    static Recipient recipient(Row row) {
        Object id = new Cells(row, "customers", () -> "").value("id");
        String name = id == null ? "" : String.valueOf(id).strip();
        Cells c = new Cells(row, "customers", () -> name.isEmpty() ? "a row without an id" : "customer " + name);
        if (name.isEmpty()) {
            throw c.bad("id", "is required", null);
        }
        try {
            Customer.Builder b = Customer.builder(name);
            if (!c.text("timeZone").isEmpty()) {
                b.timeZone(c.text("timeZone"));
            }
            b.region(c.text("region")).segment(c.text("segment"))
                    .tenureMonths((int) number(c, "tenureMonths", true))
                    .churnRisk(number(c, "churnRisk", false))
                    .lifetimeValue(number(c, "lifetimeValue", false))
                    .doNotCall(flag(c, "doNotCall")).vulnerable(flag(c, "vulnerable"))
                    .products(c.text("products").isEmpty() ? List.of() : Arrays.asList(c.text("products").split("\\|")));
            if (!c.text("billingStatus").isEmpty()) {
                b.billingStatus(enumOf(c, "billingStatus", BillingStatus.class, c.text("billingStatus")));
            }
            c.attributes().forEach(b::attribute);
            Map<Channel, Instant> revoked = new EnumMap<>(Channel.class);
            for (String part : parts(c.text("revoked"))) {
                String[] p = part.split("@", 2);
                if (p.length != 2) {
                    throw c.bad("revoked", "must be CHANNEL@TIME, such as SMS@2026-11-25T10:00:00Z", part);
                }
                revoked.put(enumOf(c, "revoked", Channel.class, p[0]), instant(c, "revoked", p[1]));
            }
            List<OptIn> optIns = new ArrayList<>();
            for (String part : parts(c.text("optIns"))) {
                String[] p = part.split(":", 2);
                Set<ProgramKind> kinds = EnumSet.noneOf(ProgramKind.class);
                for (String k : p.length == 2 ? p[1].split("\\+") : new String[0]) {
                    kinds.add(enumOf(c, "optIns", ProgramKind.class, k));
                }
                Channel channel = enumOf(c, "optIns", Channel.class, p[0]);
                optIns.add(new OptIn(channel, kinds, revoked.get(channel)));
            }
            LocalTime from = null;
            LocalTime to = null;
            if (!c.text("preferredHours").isEmpty()) {
                String[] p = c.text("preferredHours").split("-", 2);
                try {
                    from = LocalTime.parse(p[0].strip());
                    to = LocalTime.parse(p[1].strip());
                } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                    throw c.bad("preferredHours", "must be FROM-TO, such as 18:00-20:30", c.text("preferredHours"));
                }
            }
            return new Recipient(b.build(), optIns, from, to, flag(c, "criticalCare"));
        } catch (InvalidRequestException e) {
            throw c.bad(e);
        }
    }

    /** The event of an events row. */
    static Event event(Row row) {
        Cells[] self = new Cells[1];
        Cells c = new Cells(row, "events", () -> "event " + self[0].text("kind") + " of customer "
                + self[0].text("customerId") + " at " + self[0].text("time"));
        self[0] = c;
        try {
            return new Event(c.text("customerId"), c.text("kind"), instant(c, "time", c.value("time")), c.attributes());
        } catch (InvalidRequestException e) {
            throw c.bad(e);
        }
    }

    /** The earlier contact of a history row. */
    static Attempt attempt(Row row) {
        Cells[] self = new Cells[1];
        Cells c = new Cells(row, "history", () -> "contact of customer " + self[0].text("customerId") + " for "
                + self[0].text("program") + " at " + self[0].text("time"));
        self[0] = c;
        try {
            return new Attempt(c.text("customerId"), c.text("program"), enumOf(c, "channel", Channel.class,
                    c.text("channel")), instant(c, "time", c.value("time")),
                    c.text("outcome").isEmpty() ? null : enumOf(c, "outcome", ContactOutcome.class, c.text("outcome")),
                    c.text("debt"), flag(c, "conversation"));
        } catch (InvalidRequestException e) {
            throw c.bad(e);
        }
    }

    private static List<String> parts(String value) {
        return value.isEmpty() ? List.of() : Arrays.stream(value.split("\\|")).map(String::strip).toList();
    }

    /** A cell's text as {@code nextbest outbound} reads an attribute: true/false, a number, or the text. */
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

    private static double number(Cells c, String column, boolean whole) {
        Object v = c.value(column);
        if (v instanceof Number n) {
            if (whole && n.doubleValue() != Math.rint(n.doubleValue())) {
                throw c.bad(column, "must be a whole number", v);
            }
            return n.doubleValue();
        }
        String text = c.text(column);
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return whole ? Integer.parseInt(text) : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw c.bad(column, whole ? "must be a whole number" : "must be a number", text);
        }
    }

    private static boolean flag(Cells c, String column) {
        Object v = c.value(column);
        if (v instanceof Boolean b) {
            return b;
        }
        String text = c.text(column).toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw c.bad(column, "must be true or false", c.text(column));
    }

    private static <E extends Enum<E>> E enumOf(Cells c, String column, Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw c.bad(column, "must be one of " + Arrays.toString(type.getEnumConstants()), value);
    }

    private static Instant instant(Cells c, String column, Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        String text = value == null ? "" : String.valueOf(value).strip();
        if (text.isEmpty()) {
            throw c.bad(column, "is required: a time such as 2026-11-23T15:00:00Z", null);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw c.bad(column, "must be a time such as 2026-11-23T15:00:00Z", text);
        }
    }
}
