package ru.orientir.etl.analytics.schools;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * docs/methodology.md §3.5: a school's name and municipality in year Y are those of its reference row with the
 * greatest reference year (as_of_year) not after Y; before its first dated row, those of the first one. A school whose
 * reference rows carry no year keeps its latest version (the schools snapshot) in every year, as before: regions merge
 * districts into округа, and a past year must stay under the municipality of that year.
 */
public final class SchoolYears {
    private SchoolYears() {
    }

    /**
     * One row per distinct (school_id, year) of {@code keys}: school_id, the year column, school_name, municipality.
     * Schools the reference does not know are left out (as the join with the reference always did).
     *
     * @param schools the schools snapshot: school_id, name, municipality (the latest version)
     * @param dated the school_years snapshot: school_id, as_of_year, name, municipality; null when the snapshot has
     *              none (written before it existed), which is the same as no dated rows
     * @param keys rows with school_id and {@code year}
     * @param year the name of the year column of {@code keys} (list_year, year), kept in the result
     */
    public static Dataset<Row> of(Dataset<Row> schools, Dataset<Row> dated, Dataset<Row> keys, String year) {
        Dataset<Row> pairs = keys.select(col("school_id"), col(year).cast("int").as("y")).distinct();
        Dataset<Row> named = pairs.join(schools.select(col("school_id"), col("name").as("latest_name"),
                col("municipality").as("latest_municipality")), "school_id");
        if (dated == null) {
            return named.select(col("school_id"), col("y").as(year), col("latest_name").as("school_name"),
                    col("latest_municipality").as("municipality"));
        }
        Dataset<Row> versions = dated.select(col("school_id"), col("as_of_year").cast("int").as("as_of_year"),
                col("name").as("dated_name"), col("municipality").as("dated_municipality"));
        // The row in force in year y: the latest one from y or before, else (y before the first row) the first one.
        Dataset<Row> inForce = pairs.join(versions, "school_id")
                .groupBy(col("school_id"), col("y"))
                .agg(max(when(col("as_of_year").leq(col("y")), col("as_of_year"))).as("at_or_before"),
                        min(col("as_of_year")).as("first_year"))
                .select(col("school_id"), col("y"), coalesce(col("at_or_before"), col("first_year")).as("as_of_year"))
                .join(versions, new String[] {"school_id", "as_of_year"})
                .select(col("school_id"), col("y"), col("dated_name"), col("dated_municipality"));
        return named.join(inForce, new String[] {"school_id", "y"}, "left")
                .select(col("school_id"), col("y").as(year),
                        coalesce(col("dated_name"), col("latest_name")).as("school_name"),
                        coalesce(col("dated_municipality"), col("latest_municipality")).as("municipality"));
    }
}
