package ru.orientir.etl.analytics.clusters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import ru.orientir.etl.analytics.lists.ListTransitions;

/**
 * domain.md §4, support clusters 1–3 from list membership alone: 1 positive dynamics (left this year), 2 first time,
 * 3 repeated (stayed or returning). Cluster 4 (risk zone) and "без рисков" need results data; until results are
 * loaded those schools have no cluster and read "нет данных" — never a guess.
 */
public final class SupportClusters {
    public static final String POSITIVE_DYNAMICS = "положительная динамика";
    public static final String FIRST_TIME = "впервые в списке";
    public static final String REPEATED = "повторно в списке";
    public static final String NO_DATA = "нет данных";

    private SupportClusters() {
    }

    /** Adds cluster (1–3 or null) and cluster_name to a frame with a status column. */
    public static Dataset<Row> assign(Dataset<Row> history) {
        var status = col("status");
        return history
                .withColumn("cluster",
                        when(status.equalTo(ListTransitions.LEFT), lit(1))
                                .when(status.equalTo(ListTransitions.FIRST_TIME), lit(2))
                                .when(status.isin(ListTransitions.STAYED, ListTransitions.RETURNING), lit(3))
                                .cast("int"))
                .withColumn("cluster_name",
                        when(col("cluster").equalTo(1), lit(POSITIVE_DYNAMICS))
                                .when(col("cluster").equalTo(2), lit(FIRST_TIME))
                                .when(col("cluster").equalTo(3), lit(REPEATED))
                                .otherwise(lit(NO_DATA)));
    }
}
