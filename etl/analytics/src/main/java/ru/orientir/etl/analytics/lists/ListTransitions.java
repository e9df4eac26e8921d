package ru.orientir.etl.analytics.lists;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import ru.orientir.etl.analytics.regions.Regions;

/**
 * docs/methodology.md §3, transitions. For each school and list year Y: entered = on(Y) ∧ ¬on(Y−1); first time =
 * entered and never on before Y; returning = entered and on in some earlier year; stayed = on(Y) ∧ on(Y−1);
 * left = ¬on(Y) ∧ on(Y−1). A year whose previous year has no list has no transitions (status null), never invented.
 *
 * <p>A school whose status cannot be decided (not on the list, with a {@code no_data_reason}: closed, no results, too
 * few participants in every procedure) is {@code no_data}: never {@code left}. Such a year is transparent for the
 * school's later years — they compare with its last year with data — so it never makes a later year
 * {@code returning}, and consecutive years count the list years with data, while a list year missing for the whole
 * region breaks the count.
 */
public final class ListTransitions {
    public static final String FIRST_TIME = "first_time";
    public static final String RETURNING = "returning";
    public static final String STAYED = "stayed";
    public static final String LEFT = "left";
    public static final String OFF = "off";
    public static final String NO_DATA = "no_data";

    private ListTransitions() {
    }

    /**
     * Adds to membership (list_year, school_id, on_list; no_data_reason and open where present): has_history,
     * status, consecutive_years, total_years, decided; no_data_reason is kept only where the status is no_data.
     */
    public static Dataset<Row> schoolHistory(Dataset<Row> membership) {
        var columns = Arrays.asList(membership.columns());
        Dataset<Row> rows = membership;
        if (!columns.contains("no_data_reason")) {
            rows = rows.withColumn("no_data_reason", lit(null).cast("string"));
        }
        if (!columns.contains("open")) {
            rows = rows.withColumn("open", lit(true));
        }
        rows = Regions.ensure(rows);
        // The region's list years: a year whose previous year has no list starts a new segment (no history).
        Dataset<Row> years = rows.select(col("region"), col("list_year")).distinct();
        WindowSpec byYear = Window.partitionBy("region").orderBy("list_year");
        Dataset<Row> segments = years
                .withColumn("has_history", coalesce(org.apache.spark.sql.functions.lag(col("list_year"), 1).over(byYear)
                        .equalTo(col("list_year").minus(1)), lit(false)))
                .withColumn("segment", sum(when(col("has_history"), 0).otherwise(1)).over(
                        byYear.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
        rows = rows.join(segments, new String[] {"region", "list_year"});

        Column on = col("on_list");
        Column decided = on.or(col("no_data_reason").isNull());
        WindowSpec school = Window.partitionBy("school_id").orderBy("list_year");
        WindowSpec before = school.rowsBetween(Window.unboundedPreceding(), -1);
        WindowSpec upToNow = school.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        WindowSpec inSegment = Window.partitionBy("school_id", "segment").orderBy("list_year");
        Dataset<Row> withPrevious = rows
                .withColumn("decided", decided)
                // the school's last year with data in this run of consecutive list years
                .withColumn("prev_on", last(when(col("decided"), on), true)
                        .over(inSegment.rowsBetween(Window.unboundedPreceding(), -1)))
                .withColumn("ever_on_before", coalesce(max(when(on, 1).otherwise(0)).over(before), lit(0)).equalTo(1))
                .withColumn("total_years", sum(when(on, 1).otherwise(0)).over(upToNow).cast("int"))
                // a run of years on the list is broken by a year off it with data (or by a gap in the region's lists)
                .withColumn("run", sum(when(col("decided").and(not(on)), 1).otherwise(0))
                        .over(inSegment.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
        WindowSpec inRun = Window.partitionBy("school_id", "segment", "run").orderBy("list_year")
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Column prevOn = coalesce(col("prev_on"), lit(false));
        return withPrevious
                .withColumn("consecutive_years", when(on, sum(when(on, 1).otherwise(0)).over(inRun)).otherwise(0).cast("int"))
                .withColumn("status",
                        when(not(col("has_history")), lit(null).cast("string"))
                                .when(not(col("decided")), lit(NO_DATA))
                                .when(on.and(not(prevOn)), when(col("ever_on_before"), lit(RETURNING)).otherwise(lit(FIRST_TIME)))
                                .when(on.and(prevOn), lit(STAYED))
                                .when(not(on).and(prevOn), lit(LEFT))
                                .otherwise(lit(OFF)))
                // the reason goes with the status it explains
                .withColumn("no_data_reason", when(col("status").equalTo(NO_DATA), col("no_data_reason")))
                .drop("prev_on", "ever_on_before", "run", "segment");
    }

    /**
     * Counts per list year for each region (level = region, municipality null) and per municipality. history needs
     * list_year, municipality, on_list, open, has_history, status. {@code schools} and {@code on_list} count the
     * schools open that year; the transition counts and {@code no_data} are null in a year without history.
     */
    public static Dataset<Row> counts(Dataset<Row> history) {
        Dataset<Row> rows = Regions.ensure(Arrays.asList(history.columns()).contains("open") ? history
                : history.withColumn("open", lit(true)));
        Dataset<Row> region = aggregate(rows.withColumn("level", lit("region"))
                .withColumn("municipality", lit(null).cast("string")));
        Dataset<Row> municipal = aggregate(rows.withColumn("level", lit("municipality")));
        return region.unionByName(municipal);
    }

    private static Dataset<Row> aggregate(Dataset<Row> rows) {
        Column status = col("status");
        Column open = col("open");
        Dataset<Row> grouped = rows.groupBy(col("region"), col("level"), col("list_year"), col("municipality")).agg(
                countWhere(open).as("schools"),
                countWhere(open.and(col("on_list"))).as("on_list"),
                max(when(col("has_history"), 1).otherwise(0)).as("history"),
                countWhere(status.isin(FIRST_TIME, RETURNING)).as("entered"),
                countWhere(status.equalTo(FIRST_TIME)).as("first_time"),
                countWhere(status.equalTo(RETURNING)).as("returning"),
                countWhere(status.equalTo(STAYED)).as("stayed"),
                countWhere(status.equalTo(LEFT)).as("left"),
                countWhere(status.equalTo(NO_DATA)).as("no_data"));
        Column hasHistory = col("history").equalTo(1);
        return grouped.select(
                col("level"), col("list_year"), col("municipality"), col("schools"), col("on_list"),
                when(hasHistory, col("entered")).as("entered"),
                when(hasHistory, col("first_time")).as("first_time"),
                when(hasHistory, col("returning")).as("returning"),
                when(hasHistory, col("stayed")).as("stayed"),
                when(hasHistory, col("left")).as("left"),
                // a unit whose every school closed that year has no denominator: its share is published as 0
                when(col("schools").gt(0), round(col("on_list").divide(col("schools").cast("double")), 4))
                        .otherwise(lit(0.0)).as("share_on_list"),
                when(hasHistory, col("no_data")).as("no_data"),
                col("region"));
    }

    private static Column countWhere(Column condition) {
        return sum(when(condition, 1).otherwise(0)).cast("int");
    }
}
