package ru.orientir.etl.analytics.results;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import ru.orientir.etl.analytics.AnalyticsSettings.ProcedureRef;
import ru.orientir.etl.analytics.markers.MarkerSettings;

/**
 * One row per school, assessment year and procedure (procedure, grade, subject), from student-level results or
 * school-level aggregates; student-level rows win where a region sent both for the same procedure. Columns:
 * year, school_id, procedure, grade, subject, participants, mark2, below_min, mean_result, source.
 *
 * <p>mark2 counts mark 2 for ВПР and ОГЭ. below_min counts ЕГЭ scores below the subject's minimum (or mark 2 where a
 * subject has marks only, as базовая математика); it is null where neither tells. mean_result is the mean mark
 * (ВПР, ОГЭ) or mean score (ЕГЭ), the input of the result index (§7).
 */
public final class ProcedureResults {
    public static final String VPR = "ВПР";
    public static final String OGE = "ОГЭ";
    public static final String EGE = "ЕГЭ";
    private static final String[] KEY = {"year", "school_id", "procedure", "grade", "subject"};

    private ProcedureResults() {
    }

    public static Dataset<Row> of(Dataset<Row> students, Dataset<Row> aggregates, MarkerSettings settings) {
        return of(students, aggregates, settings, SubjectNames.defaults());
    }

    /**
     * As {@link #of(Dataset, Dataset, MarkerSettings)}, with procedure and subject names made canonical before anything
     * groups or compares them (docs/methodology.md, «Названия предметов»): «РУССКИЙ ЯЗЫК» and «русский яз.» are one
     * procedure with «Русский язык».
     */
    public static Dataset<Row> of(Dataset<Row> students, Dataset<Row> aggregates, MarkerSettings settings,
                                  SubjectNames names) {
        MarkerSettings canonical = settings.canonical(names);
        students = canonicalNames(students, names);
        aggregates = canonicalNames(aggregates, names);
        // One pass over the student rows: the two sources are unioned and the student row kept per key, rather than
        // anti-joining the aggregates against the student aggregation (which would read every result row twice).
        WindowSpec byKey = Window.partitionBy(KEY[0], KEY[1], KEY[2], KEY[3], KEY[4]).orderBy(col("priority"));
        return fromStudents(students, canonical).withColumn("priority", lit(0))
                .unionByName(fromAggregates(aggregates).withColumn("priority", lit(1)))
                .withColumn("pick", row_number().over(byKey))
                .filter(col("pick").equalTo(1))
                .drop("priority", "pick");
    }

    private static Dataset<Row> canonicalNames(Dataset<Row> rows, SubjectNames names) {
        return rows.withColumn("procedure", SubjectNames.procedure(col("procedure")))
                .withColumn("subject", names.canonical(col("subject")));
    }

    /**
     * Whether a row's procedure and subject are one of the given procedures (any grade). The rows' names are canonical
     * (they come from {@link #of}); the settings' names are made canonical here with the built-in table.
     */
    public static Column isOneOf(List<ProcedureRef> procedures) {
        SubjectNames names = SubjectNames.defaults();
        Column matches = lit(false);
        for (ProcedureRef p : procedures) {
            matches = matches.or(col("procedure").equalTo(p.procedure().trim().toUpperCase(java.util.Locale.ROOT))
                    .and(col("subject").equalTo(names.canonical(p.subject()))));
        }
        return matches;
    }

    /**
     * A ВПР/ОГЭ row whose file gave a score and no mark carries the mark-2 bound it was judged by at ingest
     * ({@code mark2_max_score}): its mark is 2, or empty for «не 2» (marks 3–5 not told apart). Such a row counts as a
     * participant judged for mark 2; the procedure's mean mark is then unknown (null), never the mean of the marks
     * that happen to be there.
     */
    static Dataset<Row> fromStudents(Dataset<Row> students, MarkerSettings settings) {
        Column ege = col("procedure").equalTo(EGE);
        Column minScore = MinScores.column(settings, col("year"), col("subject"));
        Column belowMin = when(col("score").isNotNull().and(minScore.isNotNull()), col("score").lt(minScore))
                .when(col("mark").isNotNull(), col("mark").equalTo(2));
        Column judgedByBound = java.util.Arrays.asList(students.columns()).contains("mark2_max_score")
                ? col("mark2_max_score").isNotNull() : lit(false);
        return students.groupBy(col("year"), col("school_id"), col("procedure"), col("grade"), col("subject"))
                .agg(count(lit(1)).cast("int").as("participants"),
                        sum(when(col("mark").equalTo(2), 1).when(col("mark").isNotNull().or(judgedByBound), 0))
                                .cast("int").as("mark2"),
                        sum(when(ege, when(belowMin, 1).when(belowMin.isNotNull(), 0))).cast("int").as("below_min"),
                        count(col("mark")).as("marked"),
                        avg(when(ege, coalesce(col("score"), col("mark").cast("double"))).otherwise(col("mark").cast("double")))
                                .as("mean_result"))
                .withColumn("mark2", when(ege, lit(null)).otherwise(col("mark2")).cast("int"))
                .withColumn("mean_result", when(ege.or(col("marked").equalTo(col("participants"))), col("mean_result")))
                .drop("marked")
                .withColumn("source", lit("student"));
    }

    static Dataset<Row> fromAggregates(Dataset<Row> aggregates) {
        Column ege = col("procedure").equalTo(EGE);
        Column marked = col("mark2").plus(col("mark3")).plus(col("mark4")).plus(col("mark5"));
        Column meanMark = when(marked.gt(0), col("mark2").multiply(2).plus(col("mark3").multiply(3))
                .plus(col("mark4").multiply(4)).plus(col("mark5").multiply(5)).cast("double").divide(marked));
        return aggregates.select(
                col("year"), col("school_id"), col("procedure"), col("grade"), col("subject"),
                col("participants").cast("int").as("participants"),
                when(ege, lit(null)).otherwise(col("mark2")).cast("int").as("mark2"),
                when(ege, coalesce(col("below_min"), when(marked.gt(0), col("mark2")))).cast("int").as("below_min"),
                when(ege, coalesce(col("mean_score"), meanMark)).otherwise(meanMark).as("mean_result"),
                lit("aggregate").as("source"));
    }
}
