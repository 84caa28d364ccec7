package io.nextbest.spark;

import io.nextbest.Channel;
import io.nextbest.outbound.NoContact;
import io.nextbest.outbound.OutboundPolicy;
import io.nextbest.outbound.PlannedContact;
import io.nextbest.outbound.ProgramKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The tables a plan is made of: the plan ({@link #PLAN}, the columns of {@code nextbest outbound}'s plan file and
 * the version of the rules), the events without a contact ({@link #NOT_PLANNED}), and, between the executors'
 * decisions and the center's capacity, each customer's decided contacts and no-contacts ({@link #DECIDED}).
 */
final class PlanTables {
    /** A decided row that is a contact. */
    static final String CONTACT = "contact";
    /** A decided row that is an event without a contact. */
    static final String NONE = "none";
    /** The reason of an event whose customer has no row in the customers table. */
    static final String CUSTOMER_NOT_IN_TABLE = "CUSTOMER_NOT_IN_TABLE";

    static final StructType CANDIDATE = new StructType()
            .add("time", DataTypes.StringType, false)
            .add("day", DataTypes.StringType, false);

    /**
     * A customer's decided contact (with the times it may take: its own, then each later one, and the center's day
     * of each) or event without a contact, before the center's capacity has its say.
     */
    static final StructType DECIDED = new StructType()
            .add("row", DataTypes.StringType, false)
            .add("customerId", DataTypes.StringType, false)
            .add("event", DataTypes.StringType, false)
            .add("program", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, true)
            .add("offerId", DataTypes.StringType, true)
            .add("message", DataTypes.StringType, true)
            .add("actions", stringArray(), true)
            .add("channel", DataTypes.StringType, true)
            .add("timeZone", DataTypes.StringType, true)
            .add("priority", DataTypes.IntegerType, true)
            .add("score", DataTypes.DoubleType, true)
            .add("reasons", stringArray(), true)
            .add("complianceVersion", DataTypes.StringType, true)
            .add("candidates", DataTypes.createArrayType(CANDIDATE, false), true)
            .add("capped", DataTypes.BooleanType, false)
            .add("reason", DataTypes.StringType, true)
            .add("details", stringArray(), true)
            .add("time", DataTypes.StringType, true);

    /** The plan: {@code nextbest outbound}'s plan file's columns, then the version of the rules that decided. */
    static final StructType PLAN = new StructType()
            .add("customerId", DataTypes.StringType, false)
            .add("event", DataTypes.StringType, false)
            .add("program", DataTypes.StringType, false)
            .add("offerId", DataTypes.StringType, false)
            .add("channel", DataTypes.StringType, false)
            .add("localTime", DataTypes.StringType, false)
            .add("timeZone", DataTypes.StringType, false)
            .add("utcTime", DataTypes.StringType, false)
            .add("priority", DataTypes.IntegerType, false)
            .add("reasons", DataTypes.StringType, false)
            .add("actions", DataTypes.StringType, false)
            .add("complianceVersion", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, false)
            .add("ruleSetVersion", DataTypes.StringType, false);

    /** The events without a contact, and why; for a contact the capacity gave up, its channel and last time. */
    static final StructType NOT_PLANNED = new StructType()
            .add("customerId", DataTypes.StringType, false)
            .add("event", DataTypes.StringType, false)
            .add("program", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, false)
            .add("details", DataTypes.StringType, false)
            .add("channel", DataTypes.StringType, true)
            .add("time", DataTypes.StringType, true)
            .add("ruleSetVersion", DataTypes.StringType, false);

    private PlanTables() {
    }

    private static DataType stringArray() {
        return DataTypes.createArrayType(DataTypes.StringType, false);
    }

    /** A decided contact: its own time first, then each later time it may move to, with the center's days. */
    static Row decided(PlannedContact c, List<Instant> later, OutboundPolicy policy) {
        ZoneId center = policy.centerZone(c.channel());
        List<Row> candidates = new ArrayList<>();
        candidates.add(RowFactory.create(c.utcTime().toString(), c.utcTime().atZone(center).toLocalDate().toString()));
        later.forEach(t -> candidates.add(RowFactory.create(t.toString(), t.atZone(center).toLocalDate().toString())));
        return RowFactory.create(CONTACT, c.customerId(), c.event(), c.program(), c.kind().name(), c.offerId(),
                c.message(), seq(c.actions()), c.channel().name(), c.zone().getId(), c.priority(), c.score(),
                seq(c.reasons()), c.complianceVersion(), seq(candidates),
                policy.capacity().containsKey(c.channel()), null, null, null);
    }

    /** A decided event without a contact. */
    static Row decided(NoContact n) {
        return RowFactory.create(NONE, n.customerId(), n.event(), n.program(), null, null, null, null,
                n.channel() == null ? null : n.channel().name(), null, null, null, null, null, null, false, n.reason(),
                seq(n.details()), n.time() == null ? null : n.time().toString());
    }

    /** The contact of a decided row, at its own time. */
    static PlannedContact contact(Row r) {
        Instant time = Instant.parse(candidates(r).get(0).getString(0));
        ZoneId zone = ZoneId.of(r.getAs("timeZone"));
        return new PlannedContact(r.getAs("customerId"), r.getAs("event"), r.getAs("program"),
                ProgramKind.valueOf(r.getAs("kind")), r.getAs("offerId"), r.getAs("message"), strings(r, "actions"),
                Channel.valueOf(r.getAs("channel")), LocalDateTime.ofInstant(time, zone), zone, time,
                r.<Integer>getAs("priority"), r.<Double>getAs("score"), strings(r, "reasons"),
                r.getAs("complianceVersion"));
    }

    /** The event without a contact of a decided row. */
    static NoContact noContact(Row r) {
        String channel = r.getAs("channel");
        String time = r.getAs("time");
        return new NoContact(r.getAs("customerId"), r.getAs("event"), r.getAs("program"), r.getAs("reason"),
                strings(r, "details"), channel == null ? null : Channel.valueOf(channel),
                time == null ? null : Instant.parse(time));
    }

    /** A decided contact's candidate times, its own first. */
    static List<Row> candidates(Row r) {
        return r.getList(r.fieldIndex("candidates"));
    }

    /** The center's days of a decided contact's first {@code n} candidate times. */
    static List<LocalDate> days(Row r, int n) {
        List<LocalDate> days = new ArrayList<>();
        List<Row> candidates = candidates(r);
        for (int i = 0; i < n; i++) {
            days.add(LocalDate.parse(candidates.get(i).getString(1)));
        }
        return days;
    }

    /** A contact of the plan, as {@code nextbest outbound} writes it, and the rules' version. */
    static Row plan(PlannedContact c, String ruleSetVersion) {
        return RowFactory.create(c.customerId(), c.event(), c.program(), c.offerId(), c.channel().name(),
                c.localTime().toString(), c.zone().getId(), c.utcTime().toString(), c.priority(),
                String.join("|", c.reasons()), String.join("|", c.actions()), c.complianceVersion(), c.message(),
                ruleSetVersion);
    }

    /** An event without a contact, its details joined by {@code "; "}, and the rules' version. */
    static Row notPlanned(NoContact n, String ruleSetVersion) {
        return RowFactory.create(n.customerId(), n.event(), n.program(), n.reason(), String.join("; ", n.details()),
                n.channel() == null ? null : n.channel().name(), n.time() == null ? null : n.time().toString(),
                ruleSetVersion);
    }

    private static List<String> strings(Row r, String column) {
        return r.getList(r.fieldIndex(column));
    }

    private static <T> Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toSeq();
    }
}
