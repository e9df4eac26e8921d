package ru.orientir.etl.analytics.objectivity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import ru.orientir.etl.analytics.regions.Regions;
import ru.orientir.etl.analytics.Stats;
import ru.orientir.etl.analytics.markers.Markers;
import ru.orientir.etl.analytics.results.ProcedureResults;

/**
 * docs/methodology.md §5. Three signals, each with its source: {@code fioko} — the school is on ФИОКО's list (loaded);
 * {@code official_list} — the official list names the school with a non-objectivity reason code (for list year Y,
 * the signal belongs to the assessment year Y−1); {@code vpr_below_oge} — Orientir's own: the school's ВПР share of
 * mark 2 is at least the configured gap below what its ОГЭ share predicts on the year's least-squares line across
 * the region's schools (each region apart). A signal, never a verdict. Columns: year, school_id, signal, reason.
 */
public final class ObjectivitySignals {
    public static final String FIOKO = "fioko";
    public static final String OFFICIAL_LIST = "official_list";
    public static final String VPR_BELOW_OGE = "vpr_below_oge";
    /** Fewer schools with both ВПР and ОГЭ than this in a year: no line is fitted and no own signal is given. */
    static final int MIN_SCHOOLS_FOR_FIT = 10;

    private ObjectivitySignals() {
    }

    public static Dataset<Row> of(Dataset<Row> flags, Dataset<Row> officialList, Dataset<Row> markers,
                                  ObjectivitySettings settings) {
        Dataset<Row> fioko = flags.select(col("year"), col("school_id"), lit(FIOKO).as("signal"),
                concat(lit("в списке ФИОКО: признаки необъективности результатов ВПР"),
                        coalesce(concat(lit(" ("), col("note"), lit(")")), lit(""))).as("reason"));
        return fioko.unionByName(official(officialList, settings)).unionByName(ownSignal(markers, settings)).distinct();
    }

    static Dataset<Row> official(Dataset<Row> officialList, ObjectivitySettings settings) {
        Column codes = lit(false);
        for (String code : settings.officialReasons()) {
            codes = codes.or(lower(col("code")).equalTo(code.toLowerCase(java.util.Locale.ROOT)));
        }
        return officialList.filter(col("reason").isNotNull())
                .withColumn("code", explode(split(col("reason"), "[;,]")))
                .withColumn("code", trim(col("code")))
                .filter(codes)
                .select(col("list_year").minus(1).cast("int").as("year"), col("school_id"), lit(OFFICIAL_LIST).as("signal"),
                        concat(lit("в официальном списке "), col("list_year").cast("string"), lit(" с причиной «"),
                                col("code"), lit("»")).as("reason"));
    }

    static Dataset<Row> ownSignal(Dataset<Row> markers, ObjectivitySettings settings) {
        Dataset<Row> pooled = Regions.ensure(markers)
                .filter(col("judged").and(col("procedure").isin(ProcedureResults.VPR, ProcedureResults.OGE)))
                .groupBy(col("region"), col("year"), col("school_id"))
                .agg(share(ProcedureResults.VPR).as("vpr"), share(ProcedureResults.OGE).as("oge"))
                .filter(col("vpr").isNotNull().and(col("oge").isNotNull()));
        var year = Window.partitionBy("region", "year");
        Dataset<Row> fitted = Stats.withResidual(pooled, col("oge"), col("vpr"), "residual", "region", "year")
                .withColumn("schools", count(lit(1)).over(year));
        Column expected = col("vpr").minus(col("residual"));
        Column gap = col("residual").multiply(-1);
        return fitted
                .filter(col("schools").geq(MIN_SCHOOLS_FOR_FIT).and(gap.geq(settings.gap() - Markers.EPSILON)))
                .select(col("year"), col("school_id"), lit(VPR_BELOW_OGE).as("signal"),
                        concat(lit("доля «2» по ВПР "), Stats.percent(col("vpr")), lit(" при ожидаемой по ОГЭ "),
                                Stats.percent(expected), lit(" (разрыв "), Stats.decimal(gap.multiply(100), 1),
                                lit(" п.п., порог "), Stats.decimal(lit(settings.gap() * 100), 1),
                                lit(" п.п.); признак для проверки, не вывод")).as("reason"));
    }

    private static Column share(String procedure) {
        Column of = col("procedure").equalTo(procedure);
        Column participants = sum(when(of, col("participants")));
        return when(participants.gt(0), sum(when(of, col("mark2"))).cast("double").divide(participants));
    }
}
