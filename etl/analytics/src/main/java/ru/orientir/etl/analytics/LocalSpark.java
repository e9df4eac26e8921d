package ru.orientir.etl.analytics;

import java.util.Map;

import org.apache.spark.sql.SparkSession;

/**
 * The analytics' Spark session: {@code local[*]} on one machine by default, or on a cluster in client mode
 * ({@code analytics.spark.master}: {@code spark://host:7077}, {@code yarn}, {@code k8s://…}), where this process is
 * the driver. Under spark-submit ({@link AnalyticsApplication}) spark-submit supplies the master and the same
 * defaults apply.
 */
public final class LocalSpark {
    private LocalSpark() {
    }

    public static SparkSession session() {
        return session(System.getProperty("spark.master", "local[*]"), Map.of());
    }

    /**
     * A session on {@code master} (null: the one spark-submit gave) with {@code conf} over the defaults. On one machine
     * the driver listens on 127.0.0.1; on a cluster the executors must reach it, so Spark's own choice of address
     * stands unless {@code conf} names one ({@code spark.driver.host}).
     */
    public static SparkSession session(String master, Map<String, String> conf) {
        SparkSession.Builder builder = SparkSession.builder().appName("orientir-analytics");
        boolean local = master == null ? false : master.startsWith("local");
        if (master != null) {
            builder.master(master);
        }
        if (local) {
            builder.config("spark.driver.host", System.getProperty("spark.driver.host", "127.0.0.1"))
                    .config("spark.driver.bindAddress", System.getProperty("spark.driver.bindAddress", "127.0.0.1"));
        }
        builder.config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", System.getProperty("spark.sql.shuffle.partitions", "8"))
                .config("spark.sql.adaptive.enabled", "true")
                // Spark 4 gives each session its own class loader for artifacts added to it (a Spark Connect feature
                // Orientir does not use); every class the generated code names is then looked up through it, jar by
                // jar, uncached. Off, the analytics of a small region take about a fifth less (docs/benchmarks.md).
                .config("spark.sql.artifact.isolation.enabled",
                        System.getProperty("spark.sql.artifact.isolation.enabled", "false"));
        conf.forEach(builder::config);
        return builder.getOrCreate();
    }
}
