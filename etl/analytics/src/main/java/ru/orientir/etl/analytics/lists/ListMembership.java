package ru.orientir.etl.analytics.lists;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import ru.orientir.etl.analytics.regions.Regions;

/**
 * docs/methodology.md §3: on(s, Y) for every school and list year. The official list is authoritative for the years
 * it exists; the computed list (§2, from the results of Y−1) stands in for the other years. The computed evidence
 * (rule, marked procedures) is kept beside every row, whatever the source, so the two can be compared.
 *
 * <p>Schools open and close. The schools snapshot gives the years a school operates, both included: {@code opened}
 * (empty: not known) and {@code closed}, its last year (empty: still open; for a school missing from a newer reference,
 * its last year with data). A school is open in list year Y when opened ≤ Y and (closed is empty or closed ≥ Y); it
 * has rows from its opening year to the year after its last one, where it is «школа закрыта» (column {@code open}
 * false), and none after that. Where the results cannot place a school —
 * closed, no results, too few participants in every procedure — {@code no_data_reason} says why: in a computed year
 * the school is then not on the list and its status cannot be decided; in an official year the list still decides
 * membership, and the reason is given only when results for that year were loaded (or the school closed).
 *
 * <p>Columns: list_year, school_id, on_list, source, reasons (official reason codes), rule, procedures, severity,
 * severity_note, results_year, rule_b_undecided, no_data_reason, open; and, not published, computed_on, official_year;
 * region. Each region has its own list years: those of its official lists and of its results (docs/methodology.md §0).
 */
public final class ListMembership {
    public static final String OFFICIAL = "official";
    public static final String COMPUTED = "computed";
    public static final String REASON_CLOSED = "школа закрыта";
    public static final String REASON_NO_RESULTS = "нет результатов";
    public static final String REASON_TOO_FEW = "мало участников во всех процедурах";
    public static final String NOTE_OFFICIAL_NO_MARKERS = "в официальном списке, маркеров нет";

    private ListMembership() {
    }

    /** Official lists only (no results loaded). */
    public static Dataset<Row> fromOfficialList(Dataset<Row> schools, Dataset<Row> officialList) {
        return of(schools, officialList, null, null);
    }

    /**
     * @param schools the reference (school_id; opened and closed years where the snapshot has them)
     * @param evidence {@link ComputedList#evidence} (null: no results loaded)
     * @param resultYears the assessment years with any results (column year; null: none)
     */
    public static Dataset<Row> of(Dataset<Row> schools, Dataset<Row> officialList, Dataset<Row> evidence,
                                  Dataset<Row> resultYears) {
        // A region's list years are its own: the years of its official lists and of its results (§0).
        Dataset<Row> regions = Regions.of(schools);
        Dataset<Row> officialYears = Regions.attach(officialList, regions)
                .select(col("region"), col("list_year").cast("int").as("list_year")).distinct()
                .withColumn("official_year", lit(true));
        Dataset<Row> listYears = officialYears.select(col("region"), col("list_year"));
        Dataset<Row> loaded = null;
        if (resultYears != null) {
            loaded = Regions.ensure(resultYears).select(col("region"), col("year").plus(1).cast("int").as("list_year"))
                    .distinct();
            listYears = listYears.union(loaded).distinct();
        }
        Dataset<Row> listed = officialList
                .groupBy(col("list_year").cast("int").as("list_year"), col("school_id"))
                .agg(concat_ws(";", array_sort(collect_set(col("reason")))).as("reasons"))
                .withColumn("listed", lit(true));
        Dataset<Row> rows = lifetimes(schools)
                .join(listYears, "region")
                .filter(col("opened").isNull().or(col("opened").leq(col("list_year")))
                        .and(col("closed").isNull().or(col("closed").geq(col("list_year").minus(1)))))
                .join(officialYears, new String[] {"region", "list_year"}, "left")
                .join(listed, new String[] {"list_year", "school_id"}, "left");
        if (loaded != null) {
            rows = rows.join(loaded.withColumn("results_loaded", lit(true)), new String[] {"region", "list_year"}, "left");
        } else {
            rows = rows.withColumn("results_loaded", lit(false));
        }
        if (evidence != null) {
            Dataset<Row> previousLoaded = resultYears == null ? null
                    : Regions.ensure(resultYears).select(col("region"), col("year").plus(2).cast("int").as("list_year"))
                    .distinct()
                    .withColumn("previous_loaded", lit(true));
            rows = rows.join(evidence.select(col("year").plus(1).cast("int").as("list_year"), col("school_id"),
                            col("units"), col("computed_on"), col("rule"), col("severity"), col("judged_any"),
                            col("too_few_all")),
                    new String[] {"list_year", "school_id"}, "left");
            rows = previousLoaded == null ? rows.withColumn("previous_loaded", lit(false))
                    : rows.join(previousLoaded, new String[] {"region", "list_year"}, "left");
        } else {
            rows = rows.withColumn("units", lit(null).cast("array<string>"))
                    .withColumn("computed_on", lit(null).cast("boolean"))
                    .withColumn("rule", lit(null).cast("string"))
                    .withColumn("severity", lit(null).cast("string"))
                    .withColumn("judged_any", lit(null).cast("boolean"))
                    .withColumn("too_few_all", lit(null).cast("boolean"))
                    .withColumn("previous_loaded", lit(false));
        }
        Column official = coalesce(col("official_year"), lit(false));
        Column closed = col("closed").isNotNull().and(col("closed").lt(col("list_year")));
        Column resultsLoaded = coalesce(col("results_loaded"), lit(false));
        Column noDataReason = when(closed, lit(REASON_CLOSED))
                .when(resultsLoaded.and(coalesce(col("judged_any"), lit(false)).equalTo(false)),
                        when(coalesce(col("too_few_all"), lit(false)), lit(REASON_TOO_FEW)).otherwise(lit(REASON_NO_RESULTS)));
        // A closed school is on no computed list; the official list is authoritative for its years.
        Column onList = when(official, col("listed").isNotNull())
                .otherwise(coalesce(col("computed_on"), lit(false)).and(closed.equalTo(false)));
        Column procedures = concat_ws(";", col("units"));
        Column marked = coalesce(size(col("units")), lit(0)).gt(0);
        return rows.select(
                col("list_year"),
                col("school_id"),
                onList.as("on_list"),
                when(official, lit(OFFICIAL)).otherwise(lit(COMPUTED)).as("source"),
                when(col("listed").isNotNull().and(col("reasons").notEqual("")), col("reasons")).as("reasons"),
                col("rule"),
                when(procedures.notEqual(""), procedures).as("procedures"),
                when(onList.and(marked), col("severity")).as("severity"),
                when(onList.and(official).and(marked.equalTo(false)), lit(NOTE_OFFICIAL_NO_MARKERS)).as("severity_note"),
                col("list_year").minus(1).cast("int").as("results_year"),
                // rule (b) needs the results of Y−2 as well as Y−1: without them the computed list may miss schools
                resultsLoaded.and(coalesce(col("previous_loaded"), lit(false)).equalTo(false)).as("rule_b_undecided"),
                noDataReason.as("no_data_reason"),
                closed.equalTo(false).as("open"),
                // kept for the agreement, not published
                coalesce(col("computed_on"), lit(false)).as("computed_on"),
                official.as("official_year"),
                col("region"));
    }

    /** school_id, opened, closed (null where the reference has no such column: old snapshots), region. */
    static Dataset<Row> lifetimes(Dataset<Row> schools) {
        var columns = Arrays.asList(schools.columns());
        Column opened = columns.contains("opened") ? col("opened").cast("int") : lit(null).cast("int");
        Column closed = columns.contains("closed") ? col("closed").cast("int") : lit(null).cast("int");
        return Regions.normalise(schools).select(col("school_id"), opened.as("opened"), closed.as("closed"), col("region"))
                .dropDuplicates("school_id");
    }

    /**
     * Official against computed for the list years that have both: one row per school on either list.
     * Columns: list_year, school_id, official, computed.
     */
    public static Dataset<Row> agreement(Dataset<Row> membership, Dataset<Row> resultYears) {
        Dataset<Row> comparable = Regions.ensure(resultYears)
                .select(col("region"), col("year").plus(1).cast("int").as("list_year")).distinct();
        return Regions.ensure(membership).filter(col("official_year"))
                .join(comparable, new String[] {"region", "list_year"})
                .select(col("list_year"), col("school_id"), col("on_list").as("official"), col("computed_on").as("computed"),
                        col("region"))
                .filter(col("official").or(col("computed")));
    }
}
