package ru.orientir.etl.analytics.lists;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * domain.md §3, transitions. For each school and list year Y: entered = on(Y) ∧ ¬on(Y−1); first time = entered and
 * never on before Y; returning = entered and on in some year before Y−1; stayed = on(Y) ∧ on(Y−1);
 * left = ¬on(Y) ∧ on(Y−1). A year whose previous year has no data has no transitions (status null), never invented.
 */
public final class ListTransitions {
    public static final String FIRST_TIME = "first_time";
    public static final String RETURNING = "returning";
    public static final String STAYED = "stayed";
    public static final String LEFT = "left";
    public static final String OFF = "off";

    private ListTransitions() {
    }

    /**
     * Adds to membership (list_year, school_id, on_list, …): has_history, status, consecutive_years, total_years.
     */
    public static Dataset<Row> schoolHistory(Dataset<Row> membership) {
        WindowSpec bySchool = Window.partitionBy("school_id").orderBy("list_year");
        WindowSpec upToNow = bySchool.rangeBetween(Window.unboundedPreceding(), Window.currentRow());
        WindowSpec beforeLastYear = bySchool.rangeBetween(Window.unboundedPreceding(), -2);
        Column on = col("on_list");
        Column onInt = when(on, 1).otherwise(0);
        Column prevOn = col("prev_on");
        Column onBeforePrev = coalesce(col("on_before_prev"), lit(0)).equalTo(1);
        return membership
                .withColumn("has_history", coalesce(lag(col("list_year"), 1).over(bySchool).equalTo(col("list_year").minus(1)), lit(false)))
                .withColumn("prev_on", lag(on, 1).over(bySchool))
                .withColumn("on_before_prev", max(onInt).over(beforeLastYear))
                .withColumn("total_years", sum(onInt).over(upToNow).cast("int"))
                .withColumn("last_off_year", max(when(not(on), col("list_year"))).over(upToNow))
                .withColumn("first_year", min(col("list_year")).over(Window.partitionBy("school_id")))
                .withColumn("consecutive_years",
                        when(on, col("list_year").minus(coalesce(col("last_off_year"), col("first_year").minus(1))))
                                .otherwise(0).cast("int"))
                .withColumn("status",
                        when(not(col("has_history")), lit(null).cast("string"))
                                .when(on.and(not(prevOn)), when(onBeforePrev, lit(RETURNING)).otherwise(lit(FIRST_TIME)))
                                .when(on.and(prevOn), lit(STAYED))
                                .when(not(on).and(prevOn), lit(LEFT))
                                .otherwise(lit(OFF)))
                .drop("prev_on", "on_before_prev", "last_off_year", "first_year");
    }

    /**
     * Counts per list year for the region (level = region, municipality null) and per municipality. history needs
     * list_year, municipality, on_list, has_history, status. The transition counts are null in a year without history.
     */
    public static Dataset<Row> counts(Dataset<Row> history) {
        Dataset<Row> region = aggregate(history.withColumn("level", lit("region"))
                .withColumn("municipality", lit(null).cast("string")));
        Dataset<Row> municipal = aggregate(history.withColumn("level", lit("municipality")));
        return region.unionByName(municipal);
    }

    private static Dataset<Row> aggregate(Dataset<Row> rows) {
        Column status = col("status");
        Dataset<Row> grouped = rows.groupBy(col("level"), col("list_year"), col("municipality")).agg(
                count(lit(1)).cast("int").as("schools"),
                sum(when(col("on_list"), 1).otherwise(0)).cast("int").as("on_list"),
                max(when(col("has_history"), 1).otherwise(0)).as("history"),
                countWhere(status.isin(FIRST_TIME, RETURNING)).as("entered"),
                countWhere(status.equalTo(FIRST_TIME)).as("first_time"),
                countWhere(status.equalTo(RETURNING)).as("returning"),
                countWhere(status.equalTo(STAYED)).as("stayed"),
                countWhere(status.equalTo(LEFT)).as("left"));
        Column hasHistory = col("history").equalTo(1);
        return grouped.select(
                col("level"), col("list_year"), col("municipality"), col("schools"), col("on_list"),
                when(hasHistory, col("entered")).as("entered"),
                when(hasHistory, col("first_time")).as("first_time"),
                when(hasHistory, col("returning")).as("returning"),
                when(hasHistory, col("stayed")).as("stayed"),
                when(hasHistory, col("left")).as("left"),
                round(col("on_list").divide(col("schools")), 4).as("share_on_list"));
    }

    private static Column countWhere(Column condition) {
        return sum(when(condition, 1).otherwise(0)).cast("int");
    }
}
