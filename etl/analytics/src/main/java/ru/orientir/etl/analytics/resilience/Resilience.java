package ru.orientir.etl.analytics.resilience;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.when;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import ru.orientir.etl.analytics.regions.Regions;
import ru.orientir.etl.analytics.AnalyticsSettings.ProcedureRef;
import ru.orientir.etl.analytics.Stats;
import ru.orientir.etl.analytics.markers.Markers;
import ru.orientir.etl.analytics.results.ProcedureResults;

/**
 * docs/methodology.md §7. The result index of a school and year is the mean of its standardised mean results (z across the
 * region's schools) in the mandatory procedures it sat with enough participants. Resilient: ИСБ at or below its
 * lowest-quartile cut and the result index at or above its top-quartile cut (optionally in the year before too).
 * The residual is the result index against the year's least-squares line on ИСБ; "better than expected" at a
 * standardised residual ≥ the configured bound. Training-site candidates: resilient schools, and schools that left
 * the list and stayed off two list years with a result index above the one two years earlier — in both cases only
 * with results at least what the context predicts (residual ≥ 0); training_site_reason gives the numbers.
 * Columns: year, school_id, isb, result_index, residual, std_residual, better_than_expected, resilient,
 * training_site, training_site_reason.
 */
public final class Resilience {
    public static final String RESILIENT = "резильентная школа";
    public static final String SUSTAINED_EXIT = "устойчивый выход из списка с ростом результатов";

    private Resilience() {
    }

    /** Per school and year: result_index, from {@link Markers} rows (with their region: z-scores within it). */
    public static Dataset<Row> resultIndex(Dataset<Row> markers, List<ProcedureRef> mandatory) {
        Column isMandatory = ProcedureResults.isOneOf(mandatory);
        WindowSpec procedureYear = Window.partitionBy("region", "year", "procedure", "grade", "subject");
        return Regions.ensure(markers).filter(col("judged").and(isMandatory).and(col("mean_result").isNotNull()))
                .withColumn("z", Stats.zScore(col("mean_result"), procedureYear))
                .groupBy(col("region"), col("year"), col("school_id"))
                .agg(avg(col("z")).as("result_index"))
                .filter(col("result_index").isNotNull());
    }

    /**
     * @param isb {@code SocialWellbeingIndex.of} (year, school_id, isb_exact)
     * @param membership list membership (list_year, school_id, on_list)
     */
    public static Dataset<Row> of(Dataset<Row> resultIndex, Dataset<Row> isb, Dataset<Row> membership,
                                  ResilienceSettings settings) {
        WindowSpec year = Window.partitionBy("region", "year");
        Dataset<Row> joined = Regions.ensure(resultIndex).join(Regions.ensure(isb).select(col("region"), col("year"), col("school_id"), col("isb_exact")),
                        new String[] {"region", "year", "school_id"}, "full_outer")
                .withColumn("isb_cut", Stats.quantile(col("isb_exact"), settings.isbQuantile(), year))
                .withColumn("result_cut", Stats.quantile(col("result_index"), settings.resultQuantile(), year));
        Dataset<Row> fitted = Stats.withResidual(joined, col("isb_exact"), col("result_index"), "residual", "region",
                "year");
        Column sd = stddev_pop(col("residual")).over(year);
        Column resilientThisYear = when(col("isb_exact").isNotNull().and(col("result_index").isNotNull()),
                col("isb_exact").leq(col("isb_cut")).and(col("result_index").geq(col("result_cut"))));
        WindowSpec bySchool = Window.partitionBy("school_id").orderBy("year");
        Dataset<Row> rows = fitted
                .withColumn("std_residual", when(sd.gt(0), col("residual").divide(sd)))
                .withColumn("resilient_now", resilientThisYear)
                .withColumn("resilient", settings.consecutiveYears()
                        ? when(col("resilient_now").isNotNull(), col("resilient_now")
                                .and(coalesce(lag(col("year"), 1).over(bySchool).equalTo(col("year").minus(1)), lit(false)))
                                .and(coalesce(lag(col("resilient_now"), 1).over(bySchool), lit(false))))
                        : col("resilient_now"));
        Dataset<Row> exits = sustainedExits(membership);
        Dataset<Row> twoYearsBefore = resultIndex.select(col("year").plus(2).as("year"), col("school_id"),
                col("result_index").as("result_index_before"));
        // A candidate is a school to learn from: its results are at least what its context predicts (residual ≥ 0).
        Column atLeastExpected = coalesce(col("residual").geq(-Markers.EPSILON), lit(false));
        Column improvingExit = coalesce(col("sustained_exit"), lit(false))
                .and(coalesce(col("result_index").gt(col("result_index_before")), lit(false)));
        Column resilient = coalesce(col("resilient"), lit(false));
        Column residualText = concat(lit("; результаты не ниже ожидаемых по ИСБ (остаток "), signed(col("residual")),
                lit(")"));
        Column resilientReason = concat(lit(RESILIENT + ": ИСБ "), Stats.decimal(col("isb_exact"), 1),
                lit(" при пороге не выше "), Stats.decimal(col("isb_cut"), 1),
                lit(", индекс результатов "), signed(col("result_index")),
                lit(" при пороге не ниже "), signed(col("result_cut")), residualText);
        Column exitReason = concat(lit(SUSTAINED_EXIT + ": вне списка в "), col("year").cast("string"), lit(" и "),
                col("year").plus(1).cast("string"), lit(" г. после списка "), col("year").minus(1).cast("string"),
                lit(" г., индекс результатов "), signed(col("result_index")), lit(" против "),
                signed(col("result_index_before")), lit(" в "), col("year").minus(2).cast("string"), lit(" г."),
                residualText);
        return rows
                .join(exits, new String[] {"year", "school_id"}, "left")
                .join(twoYearsBefore, new String[] {"year", "school_id"}, "left")
                .select(col("region"), col("year"), col("school_id"),
                        round(col("isb_exact"), 4).as("isb"),
                        round(col("result_index"), 4).as("result_index"),
                        round(col("residual"), 4).as("residual"),
                        round(col("std_residual"), 4).as("std_residual"),
                        when(col("std_residual").isNotNull(), col("std_residual").geq(settings.residual() - Markers.EPSILON))
                                .as("better_than_expected"),
                        col("resilient"),
                        atLeastExpected.and(resilient.or(improvingExit)).as("training_site"),
                        when(atLeastExpected.and(resilient), resilientReason)
                                .when(atLeastExpected.and(improvingExit), exitReason).as("training_site_reason"));
    }

    /** "+0,42" / "−1,04": a signed number with two decimals and a decimal comma. */
    private static Column signed(Column x) {
        return concat(when(x.geq(0), lit("+")).otherwise(lit("−")), Stats.decimal(org.apache.spark.sql.functions.abs(x), 2));
    }

    /**
     * Assessment year Y (list year Y+1) where the school was on the list in Y−1 and off in Y and Y+1, each year present.
     * Columns: year, school_id, sustained_exit.
     */
    static Dataset<Row> sustainedExits(Dataset<Row> membership) {
        WindowSpec bySchool = Window.partitionBy("school_id").orderBy("list_year");
        Column consecutive = lag(col("list_year"), 2).over(bySchool).equalTo(col("list_year").minus(2));
        // off with data: a year the results could not decide (no_data_reason) is no year off the list
        Column offWithData = java.util.Arrays.asList(membership.columns()).contains("no_data_reason")
                ? col("on_list").equalTo(false).and(col("no_data_reason").isNull()) : col("on_list").equalTo(false);
        return membership
                .withColumn("off_with_data", offWithData)
                .withColumn("sustained_exit", coalesce(consecutive, lit(false))
                        .and(col("off_with_data"))
                        .and(lag(col("off_with_data"), 1).over(bySchool))
                        .and(lag(col("on_list"), 2).over(bySchool).equalTo(true)))
                .filter(col("sustained_exit"))
                .select(col("list_year").minus(1).cast("int").as("year"), col("school_id"), col("sustained_exit"));
    }
}
