package ru.orientir.etl.analytics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.covar_pop;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.var_pop;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The statistics the methodology names, defined once: z-scores with the population standard deviation, exact
 * quantiles with linear interpolation between order statistics, and the least-squares line — each within a group
 * (the region-year: the group names the region's column beside the year, docs/methodology.md §0). Values for Russian text: a decimal comma.
 */
public final class Stats {
    private Stats() {
    }

    /** (x − mean) / sd within the group; null where x is null or the group has no spread. */
    public static Column zScore(Column x, WindowSpec group) {
        Column sd = stddev_pop(x).over(group);
        return when(x.isNotNull().and(sd.gt(0)), x.minus(avg(x).over(group)).divide(sd));
    }

    /** The exact q-quantile of x within the group (linear interpolation), on every row of the group. */
    public static Column quantile(Column x, double q, WindowSpec group) {
        return org.apache.spark.sql.functions.percentile(x, lit(q)).over(group);
    }

    /**
     * Adds {@code <name>} = y − (a + b·x), the residual of y's least-squares line on x fitted per group over the rows
     * where both are present; null elsewhere. Where x has no spread, the line is flat at the mean of y.
     */
    public static Dataset<Row> withResidual(Dataset<Row> rows, Column x, Column y, String name, String... group) {
        WindowSpec g = Window.partitionBy(java.util.Arrays.stream(group).map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
        Column both = x.isNotNull().and(y.isNotNull());
        Column xb = when(both, x);
        Column yb = when(both, y);
        Column varX = var_pop(xb).over(g);
        Column slope = when(varX.gt(0), covar_pop(xb, yb).over(g).divide(varX)).otherwise(lit(0.0));
        Column intercept = avg(yb).over(g).minus(slope.multiply(avg(xb).over(g)));
        return rows.withColumn(name, when(both, y.minus(intercept.plus(slope.multiply(x)))));
    }

    /** "12,3 %" from a share 0.123. */
    public static Column percent(Column share) {
        return concat(decimal(share.multiply(100), 1), lit(" %"));
    }

    /** A number with the given decimals and a decimal comma, no grouping. */
    public static Column decimal(Column x, int decimals) {
        return regexp_replace(format_string("%." + decimals + "f", x), "\\.", ",");
    }
}
