package ru.orientir.etl.analytics.lists;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * domain.md §3: on(s, Y) for every school and list year. The official list is authoritative for the years it exists;
 * the computed list (§2, from the results of Y−1) stands in for the other years. The computed evidence (rule, marked
 * procedures) is kept beside every row, whatever the source, so the two can be compared. Columns: list_year,
 * school_id, on_list, source, reasons (official reason codes), rule, procedures, severity, results_year.
 */
public final class ListMembership {
    public static final String OFFICIAL = "official";
    public static final String COMPUTED = "computed";

    private ListMembership() {
    }

    /** Official lists only (no results loaded). */
    public static Dataset<Row> fromOfficialList(Dataset<Row> schools, Dataset<Row> officialList) {
        return of(schools, officialList, null, null);
    }

    /**
     * @param evidence {@link ComputedList#evidence} (null: no results loaded)
     * @param resultYears the assessment years with any results (column year; null: none)
     */
    public static Dataset<Row> of(Dataset<Row> schools, Dataset<Row> officialList, Dataset<Row> evidence,
                                  Dataset<Row> resultYears) {
        Dataset<Row> officialYears = officialList.select(col("list_year").cast("int").as("list_year")).distinct()
                .withColumn("official_year", lit(true));
        Dataset<Row> listYears = officialYears.select(col("list_year"));
        if (resultYears != null) {
            listYears = listYears.union(resultYears.select(col("year").plus(1).cast("int").as("list_year"))).distinct();
        }
        Dataset<Row> listed = officialList
                .groupBy(col("list_year").cast("int").as("list_year"), col("school_id"))
                .agg(concat_ws(";", array_sort(collect_set(col("reason")))).as("reasons"))
                .withColumn("listed", lit(true));
        Dataset<Row> rows = schools.select(col("school_id")).distinct()
                .crossJoin(listYears)
                .join(officialYears, new String[] {"list_year"}, "left")
                .join(listed, new String[] {"list_year", "school_id"}, "left");
        if (evidence != null) {
            rows = rows.join(evidence.select(col("year").plus(1).cast("int").as("list_year"), col("school_id"),
                            col("units"), col("computed_on"), col("rule"), col("severity")),
                    new String[] {"list_year", "school_id"}, "left");
        } else {
            rows = rows.withColumn("units", lit(null).cast("array<string>"))
                    .withColumn("computed_on", lit(null).cast("boolean"))
                    .withColumn("rule", lit(null).cast("string"))
                    .withColumn("severity", lit(null).cast("string"));
        }
        Column official = coalesce(col("official_year"), lit(false));
        Column onList = when(official, col("listed").isNotNull()).otherwise(coalesce(col("computed_on"), lit(false)));
        Column procedures = concat_ws(";", col("units"));
        return rows.select(
                col("list_year"),
                col("school_id"),
                onList.as("on_list"),
                when(official, lit(OFFICIAL)).otherwise(lit(COMPUTED)).as("source"),
                when(col("listed").isNotNull().and(col("reasons").notEqual("")), col("reasons")).as("reasons"),
                col("rule"),
                when(procedures.notEqual(""), procedures).as("procedures"),
                when(onList, col("severity")).as("severity"),
                col("list_year").minus(1).cast("int").as("results_year"),
                // kept for the agreement, not published
                coalesce(col("computed_on"), lit(false)).as("computed_on"),
                official.as("official_year"));
    }

    /**
     * Official against computed for the list years that have both: one row per school on either list.
     * Columns: list_year, school_id, official, computed.
     */
    public static Dataset<Row> agreement(Dataset<Row> membership, Dataset<Row> resultYears) {
        Dataset<Row> comparable = resultYears.select(col("year").plus(1).cast("int").as("list_year")).distinct();
        return membership.filter(col("official_year"))
                .join(comparable, "list_year")
                .select(col("list_year"), col("school_id"), col("on_list").as("official"), col("computed_on").as("computed"))
                .filter(col("official").or(col("computed")));
    }
}
