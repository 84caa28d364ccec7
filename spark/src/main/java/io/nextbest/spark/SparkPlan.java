package io.nextbest.spark;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.split;

import io.nextbest.Channel;
import io.nextbest.outbound.PlanSummary;
import io.nextbest.outbound.PlannedContact;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A plan made on Spark: its contacts, its events without a contact, its summary and the version of the rules that
 * decided it. Its tables are Spark's, read as often as needed; close it to release what it keeps.
 */
public final class SparkPlan implements AutoCloseable {
    private final Dataset<Row> contacts;
    private final Dataset<Row> notPlanned;
    private final String ruleSetVersion;
    private final List<Dataset<Row>> cached;
    private final Broadcast<PlanRules> rules;
    private PlanSummary summary;

    SparkPlan(Dataset<Row> contacts, Dataset<Row> notPlanned, String ruleSetVersion, List<Dataset<Row>> cached,
              Broadcast<PlanRules> rules) {
        this.contacts = contacts;
        this.notPlanned = notPlanned;
        this.ruleSetVersion = ruleSetVersion;
        this.cached = cached;
        this.rules = rules;
    }

    /**
     * The plan, a row per contact: the columns of {@code nextbest outbound}'s plan file ({@code customerId, event,
     * program, offerId, channel, localTime, timeZone, utcTime, priority, reasons, actions, complianceVersion,
     * message}; reasons and actions joined by {@code |}), then {@code ruleSetVersion}.
     */
    public Dataset<Row> contacts() {
        return contacts;
    }

    /**
     * The events without a contact: {@code customerId, event, program, reason, details} (joined by {@code "; "}),
     * {@code channel} and {@code time} for a contact the center's capacity gave up, and {@code ruleSetVersion}.
     */
    public Dataset<Row> notPlanned() {
        return notPlanned;
    }

    /** The version of the rules that decided every contact: the pack's content hash. */
    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    /**
     * The summary {@code nextbest outbound} prints, counted by Spark (a few rows per program, channel and reason
     * come to the driver, never the plan). Computed once.
     */
    public PlanSummary summary() {
        if (summary == null) {
            PlanSummary s = new PlanSummary();
            Dataset<Row> flagged = contacts
                    .withColumn("deferred", array_contains(split(col("reasons"), "\\|"), PlannedContact.DEFERRED))
                    .withColumn("moved", array_contains(split(col("reasons"), "\\|"), PlannedContact.MOVED_FOR_CAPACITY));
            for (Row r : flagged.groupBy("program", "channel", "deferred", "moved").count().collectAsList()) {
                s.addPlanned(r.getString(0), Channel.valueOf(r.getString(1)), r.getBoolean(2), r.getBoolean(3),
                        r.getLong(4));
            }
            for (Row r : notPlanned.groupBy("reason").count().collectAsList()) {
                s.addNotPlanned(r.getString(0), r.getLong(1));
            }
            summary = s;
        }
        return summary;
    }

    /** Releases the tables kept between the plan's steps and the rules broadcast to the executors. */
    @Override
    public void close() {
        cached.forEach(Dataset::unpersist);
        rules.destroy();
    }
}
