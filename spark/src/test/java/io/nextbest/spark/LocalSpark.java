package io.nextbest.spark;

import org.apache.spark.sql.SparkSession;

/** The one Spark of the module's tests: local mode on two threads, as on a laptop, without its web UI. */
final class LocalSpark {
    private LocalSpark() {
    }

    static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("nextbest-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }
}
