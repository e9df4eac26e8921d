package ru.orientir.etl.analytics.isb;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import ru.orientir.etl.analytics.regions.Regions;
import ru.orientir.etl.analytics.Stats;

/**
 * docs/methodology.md §6. Each indicator is standardised across the region's schools for the year (z-score, sign turned so
 * that higher is better; {@code log} indicators as log10(1 + x)); ИСБ is the mean of the available standardised
 * indicators (at least {@link IsbSettings#minIndicators()}, else null — "нет данных"), rescaled to 0–100 within the
 * year. ШНСУ: ИСБ at or below the year's {@link IsbSettings#shnsuQuantile()} quantile. "The region's schools for the
 * year": each region apart (docs/methodology.md §0).
 * Columns: region, year, school_id, isb, indicators_used, indicators, shnsu.
 */
public final class SocialWellbeingIndex {
    private SocialWellbeingIndex() {
    }

    /**
     * docs/methodology.md §6, the regional programme's target group: ШНОР ∩ ШНСУ. For ИСБ year Y (the assessment year):
     * ШНСУ by ИСБ and low results — on the list built from that year's results (list year Y + 1), or a marker in a
     * judged procedure of Y. Adds shnor_shnsu (null where ИСБ is unknown).
     *
     * @param markers the markers (year, school_id, judged, marker)
     * @param membership list membership (list_year, school_id, on_list)
     */
    public static Dataset<Row> withProgrammeGroup(Dataset<Row> isb, Dataset<Row> markers, Dataset<Row> membership) {
        Dataset<Row> marked = markers.filter(col("judged").and(col("marker")))
                .select(col("year"), col("school_id")).distinct().withColumn("has_marker", lit(true));
        Dataset<Row> listed = membership.filter(col("on_list"))
                .select(col("list_year").minus(1).cast("int").as("year"), col("school_id")).distinct()
                .withColumn("listed", lit(true));
        Column shnor = org.apache.spark.sql.functions.coalesce(col("has_marker"), col("listed"), lit(false));
        return isb.join(marked, new String[] {"year", "school_id"}, "left")
                .join(listed, new String[] {"year", "school_id"}, "left")
                .withColumn("shnor_shnsu", when(col("shnsu").isNotNull(), col("shnsu").and(shnor)))
                .drop("has_marker", "listed");
    }

    /** @param context the snapshot's school_context with the region of each school ({@code Regions.attach}) */
    public static Dataset<Row> of(Dataset<Row> context, IsbSettings settings) {
        WindowSpec year = Window.partitionBy("region", "year");
        List<Column> z = new ArrayList<>();
        List<Column> names = new ArrayList<>();
        Dataset<Row> withValues = Regions.ensure(context);
        for (IsbSettings.Indicator indicator : settings.indicators()) {
            Column x = col(indicator.column()).cast("double");
            // greatest() skips nulls: guard so that a missing value stays missing instead of becoming log10(1) = 0
            Column value = indicator.log() ? when(x.isNotNull(), log10(greatest(x, lit(0.0)).plus(1))) : x;
            String zName = "z_" + indicator.column();
            Column standardised = Stats.zScore(value, year);
            withValues = withValues.withColumn(zName, indicator.higherIsBetter() ? standardised : standardised.multiply(-1));
            z.add(col(zName));
            names.add(when(col(zName).isNotNull(), lit(indicator.column())));
        }
        Column used = lit(0);
        Column total = lit(0.0);
        for (Column c : z) {
            used = used.plus(when(c.isNotNull(), 1).otherwise(0));
            total = total.plus(when(c.isNotNull(), c).otherwise(0.0));
        }
        Dataset<Row> raw = withValues
                .withColumn("indicators_used", used.cast("int"))
                .withColumn("indicators", concat_ws(";", names.toArray(Column[]::new)))
                .withColumn("raw", when(col("indicators_used").geq(settings.minIndicators()), total.divide(col("indicators_used"))));
        Column lo = min(col("raw")).over(year);
        Column hi = max(col("raw")).over(year);
        Dataset<Row> scaled = raw.withColumn("isb_exact",
                when(col("raw").isNotNull(), when(hi.gt(lo), col("raw").minus(lo).divide(hi.minus(lo)).multiply(100)).otherwise(lit(50.0))));
        Column cut = Stats.quantile(col("isb_exact"), settings.shnsuQuantile(), year);
        return scaled
                .withColumn("shnsu", when(col("isb_exact").isNotNull(), col("isb_exact").leq(cut)))
                .select(col("region"), col("year"), col("school_id"), round(col("isb_exact"), 4).as("isb"),
                        col("indicators_used"), col("indicators"), col("shnsu"), col("isb_exact"));
    }
}
