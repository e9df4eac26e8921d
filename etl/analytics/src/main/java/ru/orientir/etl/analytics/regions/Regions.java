package ru.orientir.etl.analytics.regions;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * docs/methodology.md §0: the region (код субъекта РФ) of every school, from the schools snapshot. A warehouse may hold
 * many regions; every rule that compares schools with one another (quantiles, z-scores, lines, shares, the list
 * years, the early warning's model) compares them within their region, so that a region gets the same marts in a
 * national warehouse as in a warehouse of its own. A school without a region belongs to the installation's one
 * region, {@link #ONE_REGION}.
 */
public final class Regions {
    public static final String COLUMN = "region";
    /** The region of a reference without the column (and of snapshots written before it existed). */
    public static final String ONE_REGION = "";

    private Regions() {
    }

    /** The schools snapshot with a non-null region column (added as {@link #ONE_REGION} to an older snapshot). */
    public static Dataset<Row> normalise(Dataset<Row> schools) {
        return Arrays.asList(schools.columns()).contains(COLUMN)
                ? schools.withColumn(COLUMN, coalesce(col(COLUMN), lit(ONE_REGION)))
                : schools.withColumn(COLUMN, lit(ONE_REGION));
    }

    /**
     * rows as they are when they carry a region column, else with every row in {@link #ONE_REGION}: the rules take
     * rows of one region from callers that know no regions (a one-region test, an old snapshot).
     */
    public static Dataset<Row> ensure(Dataset<Row> rows) {
        return Arrays.asList(rows.columns()).contains(COLUMN) ? rows : rows.withColumn(COLUMN, lit(ONE_REGION));
    }

    /** school_id → region, one row per school. */
    public static Dataset<Row> of(Dataset<Row> schools) {
        return normalise(schools).select(col("school_id"), col(COLUMN)).dropDuplicates("school_id");
    }

    /**
     * rows with the region of their school (rows already carrying one are returned as they are). Every row names a
     * school of the reference (ingest refuses others); a row that still does not is placed in {@link #ONE_REGION}.
     */
    public static Dataset<Row> attach(Dataset<Row> rows, Dataset<Row> regions) {
        if (Arrays.asList(rows.columns()).contains(COLUMN)) {
            return rows;
        }
        return rows.join(broadcast(regions.withColumnRenamed(COLUMN, "school_region")), new String[] {"school_id"}, "left")
                .withColumn(COLUMN, coalesce(col("school_region"), lit(ONE_REGION)))
                .drop("school_region");
    }
}
