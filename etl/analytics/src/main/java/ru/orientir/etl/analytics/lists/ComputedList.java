package ru.orientir.etl.analytics.lists;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import ru.orientir.etl.analytics.markers.Markers;

/**
 * docs/methodology.md §2, the computed list: per school and assessment year Y (for list year Y+1), the marked procedures,
 * rule (a) markers in at least N different procedures, rule (b) a marker in the same procedure in Y−1 and Y,
 * their combination, and the severity the school would have on the list. Only judged procedures (enough
 * participants) count. Severity only where markers decide it (no marked procedure: none). A school with result rows but
 * no judged procedure cannot be placed on or off the list: judged_any is false (too_few_all says whether every
 * procedure had too few participants, or none at all). Columns: year, school_id, units, repeated, rule_a, rule_b,
 * computed_on, rule, severity, judged_any, too_few_all.
 */
public final class ComputedList {
    public static final String TWO_PROCEDURES = "two_procedures";
    public static final String SAME_PROCEDURE_TWO_YEARS = "same_procedure_two_years";
    public static final String BOTH = "both";
    public static final String STRONG = "strong";
    public static final String MODERATE = "moderate";

    private ComputedList() {
    }

    public static Dataset<Row> evidence(Dataset<Row> markers, ListRuleSettings settings) {
        Column unit = settings.unit() == ListRuleSettings.Unit.ASSESSMENT ? col("procedure_key") : col("procedure");
        Column marker = coalesce(col("marker"), lit(false));
        Column judged = coalesce(col("judged"), lit(false));
        Column tooFew = col("note").isin(Markers.NOTE_TOO_FEW, Markers.NOTE_NO_PARTICIPANTS);
        Dataset<Row> perYear = markers
                .groupBy(col("year"), col("school_id"))
                .agg(array_sort(collect_set(when(judged.and(marker), unit))).as("units"),
                        max(when(judged.and(marker), col("share").minus(col("threshold").multiply(settings.strongRatio()))))
                                .as("strong_margin"),
                        max(judged).as("judged_any"),
                        min(tooFew).as("too_few_all"));
        Dataset<Row> previous = perYear.select(col("year").plus(1).as("year"), col("school_id"), col("units").as("prev_units"));
        Column units = col("units");
        Column ruleA = size(units).geq(settings.minProcedures());
        Column ruleB = size(col("repeated")).gt(0);
        Column on = col("judged_any").and(settings.combine() == ListRuleSettings.Combine.OR ? ruleA.or(ruleB) : ruleA.and(ruleB));
        return perYear.join(previous, new String[] {"year", "school_id"}, "left")
                .withColumn("repeated", array_intersect(units, coalesce(col("prev_units"), array().cast("array<string>"))))
                .withColumn("rule_a", ruleA)
                .withColumn("rule_b", ruleB)
                .withColumn("computed_on", on)
                .withColumn("rule",
                        when(col("computed_on").and(col("rule_a")).and(col("rule_b")), lit(BOTH))
                                .when(col("computed_on").and(col("rule_a")), lit(TWO_PROCEDURES))
                                .when(col("computed_on").and(col("rule_b")), lit(SAME_PROCEDURE_TWO_YEARS)))
                .withColumn("severity", when(size(units).equalTo(0), lit(null).cast("string"))
                        .when(size(units).geq(settings.strongProcedures())
                                .or(coalesce(col("strong_margin"), lit(-1.0)).geq(-Markers.EPSILON)), lit(STRONG))
                                .otherwise(lit(MODERATE)))
                .drop("prev_units", "strong_margin");
    }
}
