package ru.orientir.etl.analytics.clusters;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import ru.orientir.etl.analytics.AnalyticsSettings.ProcedureRef;
import ru.orientir.etl.analytics.Stats;
import ru.orientir.etl.analytics.markers.Markers;
import ru.orientir.etl.analytics.results.ProcedureResults;

/**
 * docs/methodology.md §4, the conditions of the risk zone per school and assessment year, from the judged procedures only:
 * a marker; a share within {@link ClusterSettings#nearThreshold()} below its threshold; a share of mark 2 that rose
 * in each of the last {@link ClusterSettings#trendYears()} years in a mandatory procedure. Columns: year, school_id,
 * at_risk, risk_reason (Russian, naming the procedures).
 */
public final class RiskZone {
    private RiskZone() {
    }

    public static Dataset<Row> of(Dataset<Row> markers, ClusterSettings settings, List<ProcedureRef> mandatory) {
        Column share = col("share");
        Column marker = coalesce(col("marker"), lit(false));
        Column near = marker.equalTo(false).and(share.geq(col("threshold").minus(settings.nearThreshold()).minus(Markers.EPSILON)));
        Column worsening = worsening(settings.trendYears());
        Column isMandatory = ProcedureResults.isOneOf(mandatory);
        WindowSpec series = Window.partitionBy("school_id", "procedure", "grade", "subject").orderBy("year");
        Dataset<Row> judged = markers.filter(col("judged"));
        for (int i = 1; i <= settings.trendYears(); i++) {
            judged = judged.withColumn("share_" + i, lag(share, i).over(series))
                    .withColumn("year_" + i, lag(col("year"), i).over(series));
        }
        return judged
                .withColumn("is_marker", marker)
                .withColumn("is_near", near)
                .withColumn("is_worse", isMandatory.and(coalesce(worsening, lit(false))))
                .groupBy(col("year"), col("school_id"))
                .agg(array_sort(collect_set(when(col("is_marker"), col("procedure_key")))).as("marked"),
                        array_sort(collect_set(when(col("is_near"), concat(col("procedure_key"), lit(" ("), Stats.percent(share),
                                lit(" при пороге "), Stats.percent(col("threshold")), lit(")")))))
                                .as("near"),
                        array_sort(collect_set(when(col("is_worse"), col("procedure_key")))).as("worse"))
                .select(col("year"), col("school_id"),
                        size(col("marked")).gt(0).or(size(col("near")).gt(0)).or(size(col("worse")).gt(0)).as("at_risk"),
                        concat_ws("; ",
                                when(size(col("marked")).gt(0), concat(lit("маркер: "), concat_ws(", ", col("marked")))),
                                when(size(col("near")).gt(0), concat(lit("близко к порогу: "), concat_ws(", ", col("near")))),
                                when(size(col("worse")).gt(0), concat(lit("рост доли «2» " + settings.trendYears()
                                        + " г. подряд: "), concat_ws(", ", col("worse"))))).as("risk_reason"));
    }

    /** share(Y) > share(Y−1) > … over `years` consecutive steps, each year present. */
    private static Column worsening(int years) {
        Column result = lit(true);
        Column later = col("share");
        for (int i = 1; i <= years; i++) {
            Column earlier = col("share_" + i);
            result = result.and(col("year_" + i).equalTo(col("year").minus(i))).and(later.gt(earlier));
            later = earlier;
        }
        return result;
    }
}
