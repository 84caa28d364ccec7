package io.nextbest.spark;

import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.outbound.Attempt;
import io.nextbest.outbound.Event;
import io.nextbest.outbound.OptIn;
import io.nextbest.outbound.ProgramKind;
import io.nextbest.outbound.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A generated outbound population, for a plan without real data (the local demo) and for the test that the Spark
 * plan is the one-machine plan: customer {@code i} is the same for the same seed wherever and whenever it is
 * made, so Spark's executors make the tables, each its own range of customers, and a test makes the same customers
 * as objects. Mostly United States customers, one or two events each and a few earlier contacts, in the
 * proportions of the benchmarks' population: most events are service alerts, a quarter marketing triggers.
 */
final class GeneratedPopulation {
    /** The plan time the events and histories are dated around: a Monday, 15:00 UTC. */
    static final Instant AT = Instant.parse("2026-11-23T15:00:00Z");
    static final long SEED = 20261123L;

    private static final String[][] PLACES = {{"IL", "America/Chicago"}, {"TX", "America/Chicago"},
        {"CA", "America/Los_Angeles"}, {"NY", "America/New_York"}, {"FL", "America/New_York"},
        {"CO", "America/Denver"}, {"AZ", "America/Phoenix"}, {"WA", "America/Los_Angeles"}, {"RI", "America/New_York"}};
    private static final String[] KINDS = {"OUTAGE", "BALANCE_DUE", "BALANCE_OVERDUE", "USAGE_NEAR_ALLOWANCE",
        "CHURN_RISK_RISEN", "NEW_CUSTOMER", "SUSPICIOUS_ACTIVITY", "RATE_CHANGE", "LOAN_STATUS_CHANGED",
        "SPENDING_LIMIT_NEAR"};
    private static final String[] PROGRAMS = {"retention", "plan-change", "collections", "outage", "rate-change"};
    private static final Channel[] CHANNELS = {Channel.SMS, Channel.OUTBOUND_VOICE, Channel.EMAIL};

    static final StructType CUSTOMERS = new StructType()
            .add("id", DataTypes.StringType).add("timeZone", DataTypes.StringType).add("region", DataTypes.StringType)
            .add("tenureMonths", DataTypes.IntegerType).add("churnRisk", DataTypes.DoubleType)
            .add("doNotCall", DataTypes.BooleanType).add("criticalCare", DataTypes.BooleanType)
            .add("optIns", DataTypes.StringType).add("revoked", DataTypes.StringType)
            .add("preferredHours", DataTypes.StringType);
    static final StructType EVENTS = new StructType()
            .add("customerId", DataTypes.StringType).add("kind", DataTypes.StringType).add("time", DataTypes.StringType)
            .add("attributes.usagePercent", DataTypes.DoubleType).add("attributes.debt", DataTypes.StringType);
    static final StructType HISTORY = new StructType()
            .add("customerId", DataTypes.StringType).add("program", DataTypes.StringType)
            .add("channel", DataTypes.StringType).add("time", DataTypes.StringType)
            .add("outcome", DataTypes.StringType).add("debt", DataTypes.StringType)
            .add("conversation", DataTypes.BooleanType);

    /** One customer as objects, and as the rows of the three tables. */
    record Member(Recipient recipient, List<Event> events, List<Attempt> history, Row customerRow, List<Row> eventRows,
                  List<Row> historyRows) {
    }

    private GeneratedPopulation() {
    }

    /** Customer {@code i}: ids in the order of {@code i}, as sorted files have them. */
    static Member member(long seed, long i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        String id = String.format("P%09d", i);
        String[] place = PLACES[r.nextInt(PLACES.length)];
        int tenure = r.nextInt(0, 96);
        double churn = r.nextInt(100) / 100.0;
        boolean doNotCall = r.nextInt(100) < 8;
        // As InputTables reads the row: an empty segment, no products, no lifetime value.
        Customer customer = Customer.builder(id).region(place[0]).timeZone(place[1]).segment("").tenureMonths(tenure)
                .churnRisk(churn).lifetimeValue(0).doNotCall(doNotCall).vulnerable(false).products(List.of()).build();
        List<OptIn> optIns = new ArrayList<>();
        StringJoiner optInText = new StringJoiner("|");
        StringJoiner revokedText = new StringJoiner("|");
        int first = r.nextInt(CHANNELS.length);
        for (int c = 0; c < CHANNELS.length; c++) {
            if (r.nextInt(100) < 70) {
                EnumSet<ProgramKind> kinds = r.nextInt(100) < 60 ? EnumSet.allOf(ProgramKind.class)
                        : EnumSet.of(ProgramKind.SERVICE);
                Instant revoked = r.nextInt(100) < 3 ? AT.plus(Duration.ofHours(r.nextInt(-48, 48))) : null;
                Channel channel = CHANNELS[(first + c) % CHANNELS.length];
                optIns.add(new OptIn(channel, kinds, revoked));
                StringJoiner k = new StringJoiner("+");
                kinds.forEach(kind -> k.add(kind.name()));
                optInText.add(channel.name() + ":" + k);
                if (revoked != null) {
                    revokedText.add(channel.name() + "@" + revoked);
                }
            }
        }
        LocalTime from = r.nextInt(100) < 20 ? LocalTime.of(r.nextInt(9, 18), 0) : null;
        boolean criticalCare = r.nextInt(100) < 5;
        Recipient recipient = new Recipient(customer, optIns, from, from == null ? null : from.plusHours(3),
                criticalCare);
        Row customerRow = RowFactory.create(id, place[1], place[0], tenure, churn, doNotCall, criticalCare,
                optInText.toString(), revokedText.toString(), from == null ? "" : from + "-" + from.plusHours(3));

        List<Event> events = new ArrayList<>();
        List<Row> eventRows = new ArrayList<>();
        for (int e = 1 + (r.nextInt(100) < 30 ? 1 : 0); e > 0; e--) {
            String kind = KINDS[r.nextInt(KINDS.length)];
            Instant time = AT.minus(Duration.ofMinutes(r.nextInt(2880)));
            double usage = r.nextInt(60, 120);
            String debt = "D-" + r.nextInt(3);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("usagePercent", usage);
            attributes.put("debt", debt);
            events.add(new Event(id, kind, time, attributes));
            eventRows.add(RowFactory.create(id, kind, time.toString(), usage, debt));
        }
        List<Attempt> history = new ArrayList<>();
        List<Row> historyRows = new ArrayList<>();
        for (int h = r.nextInt(6); h > 0; h--) {
            String program = PROGRAMS[r.nextInt(PROGRAMS.length)];
            Channel channel = CHANNELS[r.nextInt(CHANNELS.length)];
            Instant time = AT.minus(Duration.ofMinutes(r.nextInt(60 * 24 * 60)));
            ContactOutcome outcome = ContactOutcome.values()[r.nextInt(3)];
            String debt = program.equals("collections") ? "D-" + r.nextInt(3) : null;
            boolean conversation = r.nextInt(100) < 10;
            history.add(new Attempt(id, program, channel, time, outcome, debt, conversation));
            historyRows.add(RowFactory.create(id, program, channel.name(), time.toString(), outcome.name(), debt,
                    conversation));
        }
        return new Member(recipient, events, history, customerRow, eventRows, historyRows);
    }

    /** The customers table of {@code n} generated customers, made by the executors. */
    static Dataset<Row> customers(SparkSession spark, long n, long seed) {
        return rows(spark, n, seed, CUSTOMERS, m -> List.of(m.customerRow()));
    }

    static Dataset<Row> events(SparkSession spark, long n, long seed) {
        return rows(spark, n, seed, EVENTS, Member::eventRows);
    }

    static Dataset<Row> history(SparkSession spark, long n, long seed) {
        return rows(spark, n, seed, HISTORY, Member::historyRows);
    }

    /** Which rows of a member a table holds. */
    @FunctionalInterface
    private interface Part extends java.io.Serializable {
        List<Row> of(Member m);
    }

    private static Dataset<Row> rows(SparkSession spark, long n, long seed, StructType schema, Part part) {
        return spark.range(n).flatMap((FlatMapFunction<Long, Row>) i -> part.of(member(seed, i)).iterator(),
                Encoders.row(schema));
    }
}
