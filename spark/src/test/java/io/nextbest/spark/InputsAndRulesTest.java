package io.nextbest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.rules.DefaultRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables of {@code nextbest outbound} on Spark: its sample files make its plan, and a bad cell, a missing column
 * or a customer twice is told by table, row and column; an executor whose rules are not the driver's refuses to plan.
 */
class InputsAndRulesTest {
    static final Path SAMPLE = Path.of("..", "examples", "outbound");

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    static Dataset<Row> csv(Path file) {
        return spark.read().option("header", true).csv(file.toString());
    }

    /** The sample's events without the row whose time is 'yesterday', which the command skips and reports. */
    static Path goodEvents(Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE.resolve("events.csv")));
        lines.removeIf(l -> l.contains("yesterday"));
        Path events = dir.resolve("events.csv");
        Files.write(events, lines);
        return events;
    }

    /** The lines of a fenced block of the top README, after its marker comment. */
    static List<String> readmeBlock(String marker) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf(marker);
        int start = readme.indexOf('\n', readme.indexOf("```", at)) + 1;
        return List.of(readme.substring(start, readme.indexOf("```", start)).strip().split("\n"));
    }

    static String csvCell(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    @Test
    void theCommandsSampleFilesMakeTheCommandsPlanOnSpark(@TempDir Path dir) throws IOException {
        SparkPlanner planner = SparkPlanner.builder()
                .capacity(Map.of(io.nextbest.Channel.OUTBOUND_VOICE, 1, io.nextbest.Channel.SMS, 1000)).build();
        List<String> lines = new ArrayList<>();
        try (SparkPlan plan = planner.plan(csv(SAMPLE.resolve("customers.csv")), csv(goodEvents(dir)),
                csv(SAMPLE.resolve("history.csv")), java.time.Instant.parse("2026-11-23T15:00:00Z"))) {
            for (Row r : plan.contacts().collectAsList()) {
                assertThat(r.<String>getAs("ruleSetVersion")).isEqualTo(DefaultRules.pack().contentHash());
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < PlanTables.PLAN.size() - 1; i++) {
                    cells.add(csvCell(String.valueOf(r.get(i))));
                }
                lines.add(String.join(",", cells));
            }
            // The command's sample has one event of a customer its customers file lacks: here, a no-contact.
            assertThat(plan.notPlanned().filter("reason = '" + PlanTables.CUSTOMER_NOT_IN_TABLE + "'")
                    .collectAsList()).extracting(r -> r.<String>getAs("customerId")).containsExactly("C0999");
        }
        List<String> expected = new ArrayList<>(readmeBlock("<!-- outbound: plan -->"));
        expected.remove(0); // the header
        assertThat(lines).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aBadCellFailsThePlanNamingTheTableTheRowAndTheColumn(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int exit = PlanJob.run(new String[] {"--master", "local[2]", "--customers", SAMPLE.resolve("customers.csv")
                .toString(), "--events", SAMPLE.resolve("events.csv").toString(), "--at", "2026-11-23T15:00:00Z",
            "--out", dir.resolve("out").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("events table, event SUSPICIOUS_ACTIVITY of customer C1006 at yesterday, "
                + "column time: must be a time such as 2026-11-23T15:00:00Z, got 'yesterday'");
    }

    @Test
    void aCustomerRowWithANumberThatIsNotOneIsNamedByItsCustomer(@TempDir Path dir) throws IOException {
        Path customers = dir.resolve("customers.csv");
        Files.writeString(customers, "id,timeZone,tenureMonths,optIns\nC1,America/Chicago,12,SMS:SERVICE\n"
                + "C2,America/Chicago,twelve,SMS:SERVICE\n");
        Path events = dir.resolve("events.csv");
        Files.writeString(events, "customerId,kind,time\nC1,OUTAGE,2026-11-23T13:00:00Z\nC2,OUTAGE,2026-11-23T13:00:00Z\n");

        assertThatThrownBy(() -> {
            try (SparkPlan plan = SparkPlanner.builder().build().plan(csv(customers), csv(events), null,
                    java.time.Instant.parse("2026-11-23T15:00:00Z"))) {
                plan.contacts().count();
            }
        }).satisfies(e -> assertThat(PlanJob.why(e))
                .isEqualTo("customers table, customer C2, column tenureMonths: must be a whole number, got 'twelve'"));
    }

    /** A row read on its own, as a task reads it: the messages of each kind of bad cell. */
    @Test
    void aBadCellIsNamedByItsTableRowAndColumnAndSeveralProblemsAreAllTold() {
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
                .add("id", "string").add("timeZone", "string").add("tenureMonths", "long").add("churnRisk", "double");
        java.util.function.Function<Object[], Row> row =
                v -> new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(v, schema);

        assertThat(InputTables.recipient(row.apply(new Object[] {"C1", "America/Chicago", 12L, 0.5})).id())
                .isEqualTo("C1");
        assertThatThrownBy(() -> InputTables.recipient(row.apply(new Object[] {"C1", "Mars/Base", 12L, 0.5})))
                .hasMessage("customers table, customer C1, column timeZone: is not a known time zone, got 'Mars/Base'");
        assertThatThrownBy(() -> InputTables.recipient(row.apply(new Object[] {null, "UTC", 12L, 0.5})))
                .hasMessage("customers table, a row without an id, column id: is required");
        assertThatThrownBy(() -> InputTables.recipient(row.apply(new Object[] {"C1", "Mars/Base", 12L, 2.0})))
                .hasMessageStartingWith("customers table, customer C1: 2 problems: ")
                .hasMessageContaining("timeZone").hasMessageContaining("churnRisk");
    }

    @Test
    void aCustomerTwiceInTheCustomersTableIsRefused(@TempDir Path dir) throws IOException {
        Path customers = dir.resolve("customers.csv");
        Files.writeString(customers, "id,optIns\nC1,SMS:SERVICE\nC1,EMAIL:SERVICE\n");
        Path events = dir.resolve("events.csv");
        Files.writeString(events, "customerId,kind,time\nC1,OUTAGE,2026-11-23T13:00:00Z\n");

        assertThatThrownBy(() -> {
            try (SparkPlan plan = SparkPlanner.builder().build().plan(csv(customers), csv(events), null,
                    java.time.Instant.parse("2026-11-23T15:00:00Z"))) {
                plan.notPlanned().count();
            }
        }).satisfies(e -> assertThat(PlanJob.why(e))
                .isEqualTo("customers table, customer C1: has 2 rows; each customer is one row"));
    }

    @Test
    void aTableWithoutARequiredColumnOrWithAStrangerIsRefusedBeforeAnyTaskRuns(@TempDir Path dir) throws IOException {
        Path customers = dir.resolve("customers.csv");
        Files.writeString(customers, "id,optIns\nC1,SMS:SERVICE\n");
        Path noTime = dir.resolve("events.csv");
        Files.writeString(noTime, "customerId,kind\nC1,OUTAGE\n");
        Path stranger = dir.resolve("history.csv");
        Files.writeString(stranger, "customerId,program,channel,time,mood\nC1,outage,SMS,2026-11-01T10:00:00Z,calm\n");
        SparkPlanner planner = SparkPlanner.builder().build();
        java.time.Instant at = java.time.Instant.parse("2026-11-23T15:00:00Z");

        assertThatThrownBy(() -> planner.plan(csv(customers), csv(noTime), null, at))
                .isInstanceOf(InputTables.InputException.class)
                .hasMessageStartingWith("events table: has no column 'time'");
        assertThatThrownBy(() -> planner.plan(csv(customers), csv(noTime).withColumn("time",
                org.apache.spark.sql.functions.lit("2026-11-23T13:00:00Z")), csv(stranger), at))
                .isInstanceOf(InputTables.InputException.class)
                .hasMessageStartingWith("history table: column 'mood' is not one of its columns");
    }

    @Test
    void anExecutorWhoseRulesAreNotTheDriversRefusesToPlan() {
        PlanRules rules = PlanRules.of(DefaultRules.pack(), PlanRules.defaultPolicyOrigin(),
                PlanRules.defaultPolicyFiles(), Map.of());

        assertThat(ExecutorPlanners.engine(rules).ruleSet().version()).isEqualTo(rules.ruleSetVersion());
        assertThatThrownBy(() -> ExecutorPlanners.engine(rules.claiming("0123456789ab")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decides with rules version " + rules.ruleSetVersion())
                .hasMessageContaining("the driver's with 0123456789ab");
    }
}
