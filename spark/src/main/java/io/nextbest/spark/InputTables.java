package io.nextbest.spark;

import io.nextbest.InvalidRequestException;
import io.nextbest.outbound.Attempt;
import io.nextbest.outbound.Event;
import io.nextbest.outbound.OutboundRows;
import io.nextbest.outbound.Recipient;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The three input tables of a plan, row by row, read as {@link OutboundRows} reads every table: the columns and
 * the cell formats of {@code nextbest outbound}'s files (so its CSV files are tables here as they are), and, for
 * Parquet or any DataFrame, typed columns too: a number, a true/false or a timestamp column is read as its value. A bad cell is an {@link InputException} naming
 * the table, the row (by its customer, and event or contact) and the column.
 */
final class InputTables {
    static final List<String> CUSTOMER_COLUMNS = OutboundRows.CUSTOMER_COLUMNS;
    static final List<String> EVENT_COLUMNS = OutboundRows.EVENT_COLUMNS;
    static final List<String> HISTORY_COLUMNS = OutboundRows.HISTORY_COLUMNS;
    /** The columns a table cannot do without; the others may be left out and read as empty. */
    static final List<String> CUSTOMER_REQUIRED = List.of("id");
    static final List<String> EVENT_REQUIRED = EVENT_COLUMNS;
    static final List<String> HISTORY_REQUIRED = List.of("customerId", "program", "channel", "time");
    static final String ATTRIBUTES = OutboundRows.ATTRIBUTES;

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

    /** One row of a table, as the planner's rows are read: a column the table does not have reads as empty. */
    private record Cells(Row row) implements OutboundRows.Cells {
        @Override
        public Object get(String column) {
            scala.Option<Object> index = row.schema().getFieldIndex(column);
            if (index.isEmpty()) {
                return null;
            }
            int i = (Integer) index.get();
            return row.isNullAt(i) ? null : row.get(i);
        }

        @Override
        public List<String> columns() {
            return Arrays.asList(row.schema().fieldNames());
        }

        String text(String column) {
            return OutboundRows.text(this, column);
        }

        /**
         * A bad row's exception, naming the table, where the row is (its customer, and event or contact), and the
         * column when the one problem is a cell's; several problems (a customer may refuse more than one of its
         * values) are told as the exception tells them.
         */
        InputException bad(String table, String where, InvalidRequestException e) {
            if (e.problems().size() != 1 || !columns().contains(e.field())) {
                return new InputException(table + " table, " + where + ": " + e.getMessage());
            }
            return new InputException(table + " table, " + where + ", column " + e.field() + ": " + e.problem()
                    + (e.value() == null ? "" : ", got '" + e.value() + "'"));
        }
    }

    /** The customer of a customers row. */
    static Recipient recipient(Row row) {
        Cells c = new Cells(row);
        try {
            return OutboundRows.recipient(c);
        } catch (InvalidRequestException e) {
            String id = c.text("id");
            throw c.bad("customers", id.isEmpty() ? "a row without an id" : "customer " + id, e);
        }
    }

    /** The event of an events row. */
    static Event event(Row row) {
        Cells c = new Cells(row);
        try {
            return OutboundRows.event(c);
        } catch (InvalidRequestException e) {
            throw c.bad("events", "event " + c.text("kind") + " of customer " + c.text("customerId") + " at "
                    + c.text("time"), e);
        }
    }

    /** The earlier contact of a history row. */
    static Attempt attempt(Row row) {
        Cells c = new Cells(row);
        try {
            return OutboundRows.attempt(c);
        } catch (InvalidRequestException e) {
            throw c.bad("history", "contact of customer " + c.text("customerId") + " for " + c.text("program")
                    + " at " + c.text("time"), e);
        }
    }
}
