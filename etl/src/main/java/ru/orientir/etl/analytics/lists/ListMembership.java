package ru.orientir.etl.analytics.lists;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * domain.md §3: on(s, Y) for every school and list year. The official list is authoritative for the years it exists;
 * the computed list fills other years once results are loaded (analytics issue). Columns:
 * list_year, school_id, on_list, source, reasons.
 */
public final class ListMembership {
    private ListMembership() {
    }

    /** Every school × every list year that has an official list; on_list where the school is on that year's list. */
    public static Dataset<Row> fromOfficialList(Dataset<Row> schools, Dataset<Row> officialList) {
        Dataset<Row> listYears = officialList.select(col("list_year")).distinct();
        Dataset<Row> listed = officialList
                .groupBy(col("list_year"), col("school_id"))
                .agg(concat_ws(";", array_sort(collect_set(col("reason")))).as("reasons"))
                .withColumn("listed", lit(true));
        return schools.select(col("school_id")).distinct()
                .crossJoin(listYears)
                .join(listed, new String[] {"list_year", "school_id"}, "left")
                .select(
                        col("list_year").cast("int").as("list_year"),
                        col("school_id"),
                        col("listed").isNotNull().as("on_list"),
                        lit("official").as("source"),
                        when(col("listed").isNotNull().and(col("reasons").notEqual("")), col("reasons")).as("reasons"));
    }
}
