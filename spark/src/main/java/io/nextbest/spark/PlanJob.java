package io.nextbest.spark;

import io.nextbest.Channel;
import io.nextbest.RulePack;
import io.nextbest.RuleSetException;
import io.nextbest.outbound.PlanSummary;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The nightly plan as a Spark job, for {@code spark-submit}: the customers, events and contact history tables in,
 * the plan, the events without a contact and the summary out.
 */
@Command(name = "nextbest-spark-plan", mixinStandardHelpOptions = true,
        description = {
            "Plans proactive outbound contacts on Spark: the same plan as 'nextbest outbound', for a population of any "
                    + "size. Writes OUT/plan (the plan, the columns of 'nextbest outbound''s plan file and "
                    + "ruleSetVersion), OUT/not-planned (the events without a contact, and why) and OUT/summary (text), "
                    + "and prints the summary.",
            "",
            "A table is Parquet when its path ends in .parquet, JSON Lines when it ends in .json or .jsonl, and CSV "
                    + "with a header otherwise (a file or a folder of files).",
            ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the plan is written", "1:an input or the rules are wrong (the message says where)",
            "2:the command was used wrongly"})
public final class PlanJob implements Callable<Integer> {
    @Option(names = "--customers", paramLabel = "PATH", description = "The customers table: id, timeZone, region, "
            + "tenureMonths, churnRisk, billingStatus, doNotCall, criticalCare, optIns, revoked, preferredHours, "
            + "attributes.NAME ...")
    String customers;

    @Option(names = "--events", paramLabel = "PATH", description = "The events table: customerId, kind, time, "
            + "attributes.NAME ...")
    String events;

    @Option(names = "--history", paramLabel = "PATH", description = "The contact history table: customerId, program, "
            + "channel, time, outcome, debt, conversation.")
    String history;

    @Option(names = "--generate", paramLabel = "N", description = "Plan N generated customers instead of the three "
            + "tables (the executors make them): a run without data.")
    Long generate;

    @Option(names = "--at", paramLabel = "TIME", description = "When the plan starts, such as 2026-11-23T15:00:00Z "
            + "(with --generate, the population's own Monday 15:00 UTC unless given).")
    String at;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "The folder to write the plan to "
            + "(replaced).")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv (with a header) or parquet, for the plan and the events without a contact.")
    String format;

    @Option(names = "--capacity", paramLabel = "CHANNEL=N", split = ",",
            description = "The center's contacts per day on a channel, instead of the policy's: OUTBOUND_VOICE=2000.")
    List<String> capacity = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "DIR", description = "The outbound policy's folder (programs.csv, "
            + "caps.csv...), read on the driver, instead of the default pack's.")
    Path policy;

    @Option(names = "--rules", paramLabel = "DIR", description = "The rule pack's folder, read on the driver and "
            + "broadcast, instead of the default pack.")
    Path rules;

    @Option(names = "--master", paramLabel = "URL", description = "Spark's master, such as local[*]; spark-submit "
            + "sets it otherwise.")
    String master;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the job with these arguments; returns its exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new PlanJob());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("nextbest-spark-plan: " + why(e));
            return e instanceof CommandLine.ParameterException ? 2 : 1;
        });
        return line.execute(args);
    }

    /**
     * Parses the arguments without running the job.
     *
     * @throws CommandLine.ParameterException if they are not the job's
     */
    static PlanJob parse(String... args) {
        PlanJob job = new PlanJob();
        new CommandLine(job).parseArgs(args);
        job.check();
        return job;
    }

    @Override
    public Integer call() {
        check();
        Instant start = start();
        SparkPlanner.Builder builder = SparkPlanner.builder().capacity(capacityPerDay());
        if (rules != null) {
            builder.rules(RulePack.directory(rules));
        }
        if (policy != null) {
            builder.policy(policy);
        }
        SparkPlanner planner = builder.build();
        SparkSession.Builder session = SparkSession.builder().appName("nextbest-plan");
        if (master != null) {
            session.master(master);
            if (master.startsWith("local")) {
                // Spark's 200 shuffle partitions suit a cluster; on one machine they are 200 tiny tasks a step.
                session.config("spark.sql.shuffle.partitions", 2 * Runtime.getRuntime().availableProcessors())
                        .config("spark.ui.enabled", false);
            }
        }
        SparkSession spark = session.getOrCreate();
        try {
            Dataset<Row> c;
            Dataset<Row> e;
            Dataset<Row> h;
            if (generate != null) {
                c = GeneratedPopulation.customers(spark, generate, GeneratedPopulation.SEED);
                e = GeneratedPopulation.events(spark, generate, GeneratedPopulation.SEED);
                h = GeneratedPopulation.history(spark, generate, GeneratedPopulation.SEED);
            } else {
                c = read(spark, customers);
                e = read(spark, events);
                h = history == null ? null : read(spark, history);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            try (SparkPlan plan = planner.plan(c, e, h, start)) {
                write(plan.contacts(), out + "/plan");
                write(plan.notPlanned(), out + "/not-planned");
                PlanSummary summary = plan.summary();
                List<String> lines = new ArrayList<>();
                lines.add("rule set version: " + plan.ruleSetVersion() + ", plan from " + start);
                lines.addAll(summary.lines());
                spark.createDataset(lines, org.apache.spark.sql.Encoders.STRING()).coalesce(1).write()
                        .mode(SaveMode.Overwrite).text(out + "/summary");
                lines.forEach(stdout::println);
                stdout.flush();
            }
        } finally {
            if (master != null) {
                spark.stop();
            }
        }
        return 0;
    }

    private void check() {
        if (generate == null && (customers == null || events == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give --customers and --events (and "
                    + "--history if there is one), or --generate N");
        }
        if (generate != null && (customers != null || events != null || history != null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--generate plans generated customers: "
                    + "give it without --customers, --events and --history");
        }
        if (generate == null && at == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--at is required: when the plan starts, "
                    + "such as 2026-11-23T15:00:00Z");
        }
        if (!format.equals("csv") && !format.equals("parquet")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--format: '" + format
                    + "' is not csv or parquet");
        }
        capacityPerDay();
        start();
    }

    private Instant start() {
        if (at == null) {
            return GeneratedPopulation.AT;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--at: '" + at
                    + "' is not a time such as 2026-11-23T15:00:00Z");
        }
    }

    private Map<Channel, Integer> capacityPerDay() {
        Map<Channel, Integer> perDay = new EnumMap<>(Channel.class);
        for (String c : capacity) {
            String[] p = c.split("=", 2);
            try {
                int n = Integer.parseInt(p[1].strip());
                Channel channel = Channel.valueOf(p[0].strip().toUpperCase(Locale.ROOT));
                if (n < 0 || !channel.isOutbound()) {
                    throw new IllegalArgumentException();
                }
                perDay.put(channel, n);
            } catch (RuntimeException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--capacity: '" + c + "' is not "
                        + "CHANNEL=N with an outbound channel (OUTBOUND_VOICE, SMS, EMAIL) and a whole number");
            }
        }
        return perDay;
    }

    private static Dataset<Row> read(SparkSession spark, String path) {
        String p = path.toLowerCase(Locale.ROOT);
        DataFrameReader reader = spark.read();
        if (p.endsWith(".parquet")) {
            return reader.parquet(path);
        }
        if (p.endsWith(".json") || p.endsWith(".jsonl")) {
            return reader.json(path);
        }
        // Every cell as text, as 'nextbest outbound' reads it: the planner types each column itself.
        return reader.option("header", true).option("inferSchema", false).csv(path);
    }

    private void write(Dataset<Row> table, String path) {
        if (format.equals("parquet")) {
            table.write().mode(SaveMode.Overwrite).parquet(path);
        } else {
            table.write().mode(SaveMode.Overwrite).option("header", true).csv(path);
        }
    }

    /** The message of the input or rules problem behind a failure, wherever Spark wrapped it. */
    static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputTables.InputException || t instanceof RuleSetException) {
                return t.getMessage();
            }
        }
        return String.valueOf(e.getMessage());
    }
}
