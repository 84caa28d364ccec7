package io.nextbest.examples.replay;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.InvalidRequestException;
import io.nextbest.Interaction;
import io.nextbest.QueueType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a line of a data set becomes a request, as its {@code mapping.csv} says, one line per column
 * of the data: {@code column,field,type,meaning}. The field is {@code customer.id},
 * {@code customer.tenureMonths}, {@code customer.lifetimeValue}, {@code customer.attributes.NAME},
 * {@code outcome}, or blank for a column that is never read; the type is {@code text},
 * {@code number} or, for the outcome, {@code yes/no}.
 *
 * <p>A blank or malformed number is left out of the request (the rules then read 0 for it) and counted
 * by column; a line without an id or with an outcome that is not yes or no is reported and skipped.
 */
public final class Mapping {
    /** Every replayed customer is called at the same moment: the tables read no clock, and decisions repeat. */
    static final Instant CALL_TIME = Instant.parse("2026-01-05T15:00:00Z");
    private static final String ATTRIBUTES = "customer.attributes.";
    /** The attribute that carries the length of the day's list, for data in date order. */
    public static final String CALLS_THAT_DAY = "callsThatDay";
    private static final Set<String> FIELDS = Set.of("customer.id", "customer.tenureMonths",
            "customer.lifetimeValue", "outcome");
    private static final Set<String> TYPES = Set.of("text", "number", "yes/no");

    /** One line of the mapping: a column of the data, the request field it fills and how it is read. */
    public record Field(String column, String field, String type, String meaning) {
        boolean read() {
            return !field.isEmpty();
        }
    }

    private final String source;
    private final List<Field> fields;

    private Mapping(String source, List<Field> fields) {
        this.source = source;
        this.fields = List.copyOf(fields);
    }

    /**
     * Reads a mapping file.
     *
     * @throws IllegalArgumentException naming the line and field of every mistake
     */
    public static Mapping read(Path file) {
        return of(DataFile.read(file, ','));
    }

    /**
     * Reads a mapping from its text.
     *
     * @throws IllegalArgumentException naming the line and field of every mistake
     */
    public static Mapping read(String source, String text) {
        try {
            return of(DataFile.parse(source, new BufferedReader(new StringReader(text)), ','));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mapping of(DataFile csv) {
        String file = csv.source();
        List<String> problems = new ArrayList<>(csv.problems());
        for (String column : List.of("column", "field", "type", "meaning")) {
            if (!csv.header().contains(column)) {
                throw new IllegalArgumentException(file + ", line 1: needs a column '" + column + "'");
            }
        }
        List<Field> fields = new ArrayList<>();
        int outcomes = 0;
        for (DataFile.Row row : csv.rows()) {
            Field f = new Field(row.get("column").strip(), row.get("field").strip(), row.get("type").strip(),
                    row.get("meaning").strip());
            String at = file + ", line " + row.line();
            if (f.column().isEmpty()) {
                problems.add(at + ", field 'column': is blank");
            }
            if (f.read() && !FIELDS.contains(f.field()) && !f.field().startsWith(ATTRIBUTES)) {
                problems.add(at + ", field 'field': '" + f.field() + "' is not one of " + FIELDS + " nor "
                        + ATTRIBUTES + "NAME");
            }
            if (f.read() && !TYPES.contains(f.type())) {
                problems.add(at + ", field 'type': '" + f.type() + "' is not one of " + TYPES);
            }
            if (f.field().equals("outcome") != f.type().equals("yes/no")) {
                problems.add(at + ", field 'type': the outcome, and only the outcome, is read as yes/no");
            }
            outcomes += f.field().equals("outcome") ? 1 : 0;
            fields.add(f);
        }
        if (outcomes != 1) {
            problems.add(file + ": names " + outcomes + " outcome columns, needs exactly one");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(), problems));
        }
        return new Mapping(file, fields);
    }

    public List<Field> fields() {
        return fields;
    }

    /**
     * Checks that the mapping names every column of the data and no other.
     *
     * @throws IllegalArgumentException naming the first column out of step
     */
    void check(DataFile data) {
        for (String column : data.header()) {
            if (fields.stream().noneMatch(f -> f.column().equals(column))) {
                throw new IllegalArgumentException(data.source() + ": has a column '" + column + "' that " + source
                        + " does not name: add a line for it (with a blank field if it is not to be read)");
            }
        }
        for (Field f : fields) {
            if (!data.header().contains(f.column())) {
                throw new IllegalArgumentException(source + ": names a column '" + f.column() + "' that "
                        + data.source() + " does not have");
            }
        }
    }

    /** The customers of the data, in file order; what could not be read goes to {@code tally}. */
    List<Case> cases(DataFile data, DataSet dataSet, Tally tally) {
        check(data);
        data.problems().forEach(tally::skipped);
        List<Case> cases = new ArrayList<>();
        int[] callsThatDay = callsThatDay(data.rows(), dataSet);
        for (int i = 0; i < data.rows().size(); i++) {
            DataFile.Row row = data.rows().get(i);
            Case c = toCase(row, data.source(), dataSet, callsThatDay[i], tally);
            if (c != null) {
                cases.add(c);
            }
        }
        return cases;
    }

    /**
     * For data in date order, the number of calls on each line's day: the length of the day's list, known
     * when the list is drawn up, before the first call. Rules read it as {@code number("callsThatDay")}.
     */
    private static int[] callsThatDay(List<DataFile.Row> rows, DataSet dataSet) {
        int[] sizes = new int[rows.size()];
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || !dataSet.day(rows.get(i)).equals(dataSet.day(rows.get(start)))) {
                java.util.Arrays.fill(sizes, start, i, i - start);
                start = i;
            }
        }
        return sizes;
    }

    private Case toCase(DataFile.Row row, String file, DataSet dataSet, int callsThatDay, Tally tally) {
        String at = file + ", line " + row.line();
        String id = "line-" + row.line();
        Boolean positive = null;
        int tenure = 0;
        double lifetimeValue = 0;
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (dataSet.dated()) {
            attributes.put(CALLS_THAT_DAY, callsThatDay);
        }
        for (Field f : fields) {
            if (!f.read()) {
                continue; // never looked at: the bank's call duration, for one
            }
            String value = row.get(f.column()).strip();
            switch (f.type()) {
                case "yes/no" -> {
                    if (!value.equalsIgnoreCase("yes") && !value.equalsIgnoreCase("no")) {
                        tally.skipped(at + ", field '" + f.column() + "': '" + value + "' is neither yes nor no");
                        return null;
                    }
                    positive = value.equalsIgnoreCase("yes");
                }
                case "number" -> {
                    Double number = number(value);
                    if (number == null || (f.field().equals("customer.tenureMonths") && number != Math.rint(number))) {
                        tally.badField(f.column(), at + ", field '" + f.column() + "': " + (value.isEmpty()
                                ? "is blank" : "'" + value + "' is not a "
                                + (f.field().equals("customer.tenureMonths") ? "whole number" : "number"))
                                + ": left out of the request");
                    } else if (f.field().equals("customer.tenureMonths")) {
                        tenure = number.intValue();
                    } else if (f.field().equals("customer.lifetimeValue")) {
                        lifetimeValue = number;
                    } else {
                        attributes.put(f.field().substring(ATTRIBUTES.length()), number);
                    }
                }
                default -> {
                    if (f.field().equals("customer.id")) {
                        if (value.isEmpty()) {
                            tally.skipped(at + ", field '" + f.column() + "': the customer's id is blank");
                            return null;
                        }
                        id = value;
                    } else {
                        attributes.put(f.field().substring(ATTRIBUTES.length()), value);
                    }
                }
            }
        }
        DecisionRequest request;
        try {
            Customer.Builder customer = Customer.builder(id).tenureMonths(tenure).lifetimeValue(lifetimeValue)
                    .consents(Channel.OUTBOUND_VOICE).preferredChannel(Channel.OUTBOUND_VOICE);
            attributes.forEach(customer::attribute);
            request = DecisionRequest.builder(customer.build(),
                    Interaction.builder(Channel.OUTBOUND_VOICE, Intent.CAMPAIGN).id("replay-" + row.line())
                            .queue(QueueType.SALES).resolved(true).time(CALL_TIME).build()).build();
        } catch (InvalidRequestException e) {
            tally.skipped(at + ": " + e.getMessage());
            return null;
        }
        return new Case(row.line(), request, positive, dataSet.day(row));
    }

    private static Double number(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
