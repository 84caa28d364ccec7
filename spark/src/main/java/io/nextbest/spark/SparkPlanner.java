package io.nextbest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import io.nextbest.Channel;
import io.nextbest.RulePack;
import io.nextbest.outbound.OutboundPolicy;
import io.nextbest.rules.DefaultRules;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Plans proactive outbound contacts for a whole population on Apache Spark: the same plan as the one-machine
 * {@link io.nextbest.outbound.OutboundPlanner}, contact for contact.
 *
 * <pre>{@code
 * SparkPlanner planner = SparkPlanner.builder().build();   // the default pack and outbound policy
 * try (SparkPlan plan = planner.plan(customers, events, history, Instant.parse("2026-11-23T15:00:00Z"))) {
 *     plan.contacts().write().option("header", true).csv("plan");
 *     plan.summary().lines().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>The inputs are DataFrames with the columns of {@code nextbest outbound}'s files: customers ({@code id},
 * {@code timeZone}, {@code optIns}...), events ({@code customerId}, {@code kind}, {@code time}, {@code
 * attributes.NAME}...) and the contact history ({@code customerId}, {@code program}, {@code channel}, {@code
 * time}...), from CSV, Parquet or anywhere. The rule pack's and the policy's files are broadcast once; each
 * executor JVM builds one engine from them and checks its rules' version against the driver's. Customers are
 * decided in {@code mapPartitions}, beside their events and history (joined by customer id), and the center's
 * capacity is filled across the whole population with window functions ({@link CapacityRounds}).
 */
public final class SparkPlanner {
    private final RulePack pack;
    private final String policyOrigin;
    private final Map<String, byte[]> policyFiles;
    private final Map<Channel, Integer> capacity;
    private final List<Column> capacityOrder;

    private SparkPlanner(Builder b, List<Column> capacityOrder) {
        this.pack = b.pack;
        this.policyOrigin = b.policyOrigin;
        this.policyFiles = b.policyFiles;
        this.capacity = b.capacity;
        this.capacityOrder = capacityOrder;
    }

    /** A planner with the default pack and outbound policy, unless set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a planner. */
    public static final class Builder {
        private RulePack pack;
        private String policyOrigin = PlanRules.defaultPolicyOrigin();
        private Map<String, byte[]> policyFiles;
        private final Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);

        private Builder() {
        }

        /** The rule pack that decides (default: {@link DefaultRules#pack()}). */
        public Builder rules(RulePack pack) {
            this.pack = Objects.requireNonNull(pack, "pack");
            return this;
        }

        /** The outbound policy's folder, read on the driver (default: the default pack's policy). */
        public Builder policy(Path folder) {
            this.policyOrigin = folder.toString();
            this.policyFiles = PlanRules.policyFiles(folder);
            return this;
        }

        /** The center's contacts per channel and day, in place of the policy's ({@link OutboundPolicy#withCapacity}). */
        public Builder capacity(Map<Channel, Integer> perDay) {
            capacity.clear();
            capacity.putAll(perDay);
            return this;
        }

        /**
         * The planner; the policy is read here, on the driver, so a bad policy fails before any task runs.
         *
         * @throws io.nextbest.RuleSetException listing every problem of the policy, each at its file and cell
         */
        public SparkPlanner build() {
            return build(CapacityRounds.BEST_FIRST);
        }

        /** A planner whose capacity ranks contacts in another order: for a test that must see plans differ. */
        SparkPlanner build(List<Column> capacityOrder) {
            pack = pack == null ? DefaultRules.pack() : pack;
            policyFiles = policyFiles == null ? PlanRules.defaultPolicyFiles() : policyFiles;
            SparkPlanner planner = new SparkPlanner(this, capacityOrder);
            planner.rules().policy();
            return planner;
        }
    }

    private PlanRules rules() {
        return PlanRules.of(pack, policyOrigin, policyFiles, capacity);
    }

    /** The version of the rules every executor decides with: the pack's content hash. */
    public String ruleSetVersion() {
        return pack.contentHash();
    }

    /**
     * Plans the customers from {@code at} on: decides every customer and fills the center's capacity now, keeping
     * the results in Spark (checkpointed); the plan's tables are made from them when read. Close the plan to
     * release what it keeps.
     *
     * @param customers the customers table
     * @param events    the events table
     * @param history   the contact history table; {@code null} when there is none
     * @throws InputTables.InputException (an {@link IllegalArgumentException}) if a table lacks a required column
     *                                    or has one that is not its own; a bad cell fails the job with a message
     *                                    naming the table, the row and the column
     */
    public SparkPlan plan(Dataset<Row> customers, Dataset<Row> events, Dataset<Row> history, Instant at) {
        Objects.requireNonNull(at, "at");
        InputTables.checkColumns("customers", customers.schema(), InputTables.CUSTOMER_COLUMNS,
                InputTables.CUSTOMER_REQUIRED);
        InputTables.checkColumns("events", events.schema(), InputTables.EVENT_COLUMNS, InputTables.EVENT_REQUIRED);
        if (history != null) {
            InputTables.checkColumns("history", history.schema(), InputTables.HISTORY_COLUMNS,
                    InputTables.HISTORY_REQUIRED);
        }
        SparkSession spark = customers.sparkSession();
        PlanRules rules = rules();
        OutboundPolicy policy = rules.policy();
        Broadcast<PlanRules> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(rules);

        // One row per customer id, with the rows of each table that carry it: the one shuffle before the decisions.
        StructType[] schemas = {customers.schema(), events.schema(),
            history == null ? new StructType().add("customerId", "string") : history.schema()};
        Dataset<Row> tagged = tagged(customers, "id", 0, schemas);
        tagged = tagged.unionByName(tagged(events, "customerId", 1, schemas));
        if (history != null) {
            tagged = tagged.unionByName(tagged(history, "customerId", 2, schemas));
        }
        Dataset<Row> byCustomer = tagged.groupBy("key").agg(collect_list(col("customers")).as("customers"),
                collect_list(col("events")).as("events"), collect_list(col("history")).as("history"));
        Dataset<Row> decided = CapacityRounds.kept(byCustomer
                .mapPartitions(new DecideCustomers(shared, at), Encoders.row(PlanTables.DECIDED)));

        Dataset<Row> contacts = decided.filter(col("row").equalTo(PlanTables.CONTACT));
        CapacityRounds.Allocation allocation = new CapacityRounds(capacityOrder)
                .allocate(contacts.filter(col("capped")), policy.capacity());
        String version = rules.ruleSetVersion();
        Dataset<Row> plan = contacts.filter(col("capped").equalTo(false))
                .withColumn("k", org.apache.spark.sql.functions.lit(0))
                .unionByName(allocation.placed())
                .map(new Finish.Placed(version), Encoders.row(PlanTables.PLAN));
        Dataset<Row> notPlanned = decided.filter(col("row").equalTo(PlanTables.NONE))
                .map(new Finish.Unplanned(version), Encoders.row(PlanTables.NOT_PLANNED))
                .unionByName(allocation.givenUp().map(new Finish.GivenUp(version), Encoders.row(PlanTables.NOT_PLANNED)));
        List<Dataset<Row>> cached = new ArrayList<>(allocation.cached());
        cached.add(decided);
        return new SparkPlan(plan, notPlanned, version, cached, shared);
    }

    /**
     * A table's rows keyed by customer id, each as a struct in the column of its table ({@code customers},
     * {@code events} or {@code history}, the {@code slot}th), the other two null: the three tables in one, to be
     * grouped by customer in one shuffle ({@code collect_list} leaves the nulls out).
     */
    private static Dataset<Row> tagged(Dataset<Row> table, String idColumn, int slot, StructType[] schemas) {
        Column[] all = Arrays.stream(table.schema().fieldNames()).map(n -> col("`" + n + "`")).toArray(Column[]::new);
        Column row = struct(all);
        List<String> names = List.of("customers", "events", "history");
        Column[] columns = new Column[4];
        columns[0] = col(idColumn).cast("string").as("key");
        for (int i = 0; i < 3; i++) {
            columns[i + 1] = i == slot ? row.as(names.get(i))
                    : org.apache.spark.sql.functions.lit(null).cast(schemas[i]).as(names.get(i));
        }
        return table.select(columns);
    }
}
