package ru.orientir.etl.analytics.clusters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import ru.orientir.etl.analytics.lists.ListTransitions;

/**
 * docs/methodology.md §4, one cluster per school and list year: 1 positive dynamics (left this year), 2 first time, 3 repeated
 * (stayed or returning), 4 risk zone (off the list, not cluster 1, with a risk-zone condition in the results of the
 * year before the list year). A school off the list with results and no condition is "без рисков"; without results
 * the risk zone cannot be decided and the school reads "нет данных" — never a guess; so does a school whose list status
 * is no_data (closed, no results, too few participants everywhere), which is never cluster 1.
 */
public final class SupportClusters {
    public static final String POSITIVE_DYNAMICS = "положительная динамика";
    public static final String FIRST_TIME = "впервые в списке";
    public static final String REPEATED = "повторно в списке";
    public static final String RISK_ZONE = "зона риска";
    public static final String NO_RISK = "без рисков";
    public static final String NO_DATA = "нет данных";

    private SupportClusters() {
    }

    /** Clusters 1–3 only: no results loaded. */
    public static Dataset<Row> assign(Dataset<Row> history) {
        return assign(history, null);
    }

    /**
     * Adds cluster (1–4 or null), cluster_name and cluster_reason to a frame with list_year, school_id, on_list and
     * status. riskZone is {@link RiskZone#of} (null: no results loaded).
     */
    public static Dataset<Row> assign(Dataset<Row> history, Dataset<Row> riskZone) {
        Dataset<Row> rows = riskZone == null
                ? history.withColumn("at_risk", lit(null).cast("boolean")).withColumn("risk_reason", lit(null).cast("string"))
                : history.join(riskZone.select(col("year").plus(1).cast("int").as("list_year"), col("school_id"),
                        col("at_risk"), col("risk_reason")), new String[] {"list_year", "school_id"}, "left");
        Column status = col("status");
        // A school whose list status cannot be decided (no_data) is in no cluster: «нет данных», never a guess.
        Column offList = col("on_list").equalTo(false)
                .and(status.isNull().or(status.isin(ListTransitions.LEFT, ListTransitions.NO_DATA).equalTo(false)));
        return rows
                .withColumn("cluster",
                        when(status.equalTo(ListTransitions.LEFT), lit(1))
                                .when(status.equalTo(ListTransitions.FIRST_TIME), lit(2))
                                .when(status.isin(ListTransitions.STAYED, ListTransitions.RETURNING), lit(3))
                                .when(offList.and(col("at_risk")), lit(4))
                                .cast("int"))
                .withColumn("cluster_name",
                        when(col("cluster").equalTo(1), lit(POSITIVE_DYNAMICS))
                                .when(col("cluster").equalTo(2), lit(FIRST_TIME))
                                .when(col("cluster").equalTo(3), lit(REPEATED))
                                .when(col("cluster").equalTo(4), lit(RISK_ZONE))
                                .when(offList.and(col("at_risk").equalTo(false)), lit(NO_RISK))
                                .otherwise(lit(NO_DATA)))
                .withColumn("cluster_reason", when(col("cluster").equalTo(4), col("risk_reason")))
                .drop("at_risk", "risk_reason");
    }
}
