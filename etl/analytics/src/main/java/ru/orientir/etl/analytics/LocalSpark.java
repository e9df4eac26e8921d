package ru.orientir.etl.analytics;

import org.apache.spark.sql.SparkSession;

/**
 * A Spark session for one machine ({@code local[*]}). On a cluster the same job runs under spark-submit, which
 * supplies the master; nothing here is machine-specific but the defaults.
 */
public final class LocalSpark {
    private LocalSpark() {
    }

    public static SparkSession session() {
        return SparkSession.builder()
                .appName("orientir-analytics")
                .master(System.getProperty("spark.master", "local[*]"))
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", System.getProperty("spark.driver.host", "127.0.0.1"))
                .config("spark.driver.bindAddress", System.getProperty("spark.driver.bindAddress", "127.0.0.1"))
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", System.getProperty("spark.sql.shuffle.partitions", "8"))
                .config("spark.sql.adaptive.enabled", "true")
                // Spark 4 gives each session its own class loader for artifacts added to it (a Spark Connect feature
                // Orientir does not use); every class the generated code names is then looked up through it, jar by
                // jar, uncached. Off, the analytics of a small region take about a fifth less (docs/benchmarks.md).
                .config("spark.sql.artifact.isolation.enabled",
                        System.getProperty("spark.sql.artifact.isolation.enabled", "false"))
                .getOrCreate();
    }
}
