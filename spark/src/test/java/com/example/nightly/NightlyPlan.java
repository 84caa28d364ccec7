package com.example.nightly;

import io.nextbest.Channel;
import io.nextbest.outbound.PlanSummary;
import io.nextbest.spark.SparkPlan;
import io.nextbest.spark.SparkPlanner;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

public class NightlyPlan {
    /** Plans tonight's contacts from three tables and writes the plan; returns the summary. */
    public static PlanSummary plan(SparkSession spark, String customers, String events, String history, String out) {
        Dataset<Row> c = spark.read().option("header", true).csv(customers);   // or .parquet(...), or a SQL table
        Dataset<Row> e = spark.read().option("header", true).csv(events);
        Dataset<Row> h = spark.read().option("header", true).csv(history);

        SparkPlanner planner = SparkPlanner.builder()                         // the default pack and policy
                .capacity(Map.of(Channel.OUTBOUND_VOICE, 1, Channel.SMS, 1000))  // or the policy's capacity.csv
                .build();
        try (SparkPlan plan = planner.plan(c, e, h, Instant.parse("2026-11-23T15:00:00Z"))) {
            plan.contacts().write().mode("overwrite").option("header", true).csv(out + "/plan");
            plan.notPlanned().write().mode("overwrite").option("header", true).csv(out + "/not-planned");
            return plan.summary();                                             // counted by Spark, not collected
        }
    }
}
