package ru.orientir.etl.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import ru.orientir.etl.analytics.clusters.SupportClusters;
import ru.orientir.etl.analytics.lists.ListMembership;
import ru.orientir.etl.analytics.lists.ListTransitions;
import ru.orientir.warehouse.MartFiles;
import ru.orientir.warehouse.Snapshot;

/**
 * Reads a staging snapshot (Parquet written by the warehouse), computes the marts and writes each as Parquet. Spark
 * never connects to the warehouse: the hand-off is files both sides read and write natively.
 */
public final class AnalyticsJob {
    private final SparkSession spark;

    public AnalyticsJob(SparkSession spark) {
        this.spark = spark;
    }

    public List<MartFiles> run(String runId, Path snapshot, Path martsDir) {
        Dataset<Row> schools = spark.read().parquet(Snapshot.file(snapshot, "schools").toString());
        Dataset<Row> officialList = spark.read().parquet(Snapshot.file(snapshot, "official_list").toString());

        Dataset<Row> membership = ListMembership.fromOfficialList(schools, officialList).cache();
        Dataset<Row> history = ListTransitions.schoolHistory(membership)
                .join(schools.select(col("school_id"), col("name").as("school_name"), col("municipality")), "school_id");
        Dataset<Row> status = SupportClusters.assign(history).cache();
        Dataset<Row> transitions = ListTransitions.counts(status);

        Map<String, Dataset<Row>> marts = new LinkedHashMap<>();
        marts.put("list_membership", membership.withColumn("run_id", lit(runId)));
        marts.put("school_status", status.select(lit(runId).as("run_id"), col("list_year"), col("school_id"),
                col("school_name"), col("municipality"), col("on_list"), col("status"), col("consecutive_years"),
                col("total_years"), col("cluster"), col("cluster_name")));
        marts.put("list_transitions", transitions.withColumn("run_id", lit(runId)));

        List<MartFiles> written = new ArrayList<>();
        for (Map.Entry<String, Dataset<Row>> mart : marts.entrySet()) {
            Path dir = martsDir.resolve(mart.getKey());
            mart.getValue().coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir.toString());
            written.add(new MartFiles(mart.getKey(), parquetParts(dir)));
        }
        membership.unpersist();
        status.unpersist();
        return written;
    }

    private static List<Path> parquetParts(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the mart files in " + dir, e);
        }
    }
}
