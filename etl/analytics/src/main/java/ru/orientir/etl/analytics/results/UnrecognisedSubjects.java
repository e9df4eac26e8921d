package ru.orientir.etl.analytics.results;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import ru.orientir.etl.analytics.AnalyticsSettings;
import ru.orientir.etl.analytics.markers.Markers;
import ru.orientir.etl.analytics.regions.Regions;

/**
 * docs/methodology.md §1.5, «Названия предметов»: the subjects no rule recognises, listed rather than passed over — in
 * the run summary and, as the mart {@code unrecognised_subjects}, on the data-quality dashboard. A subject is
 * recognised when the synonym table knows it, or a threshold rule, an ЕГЭ minimum score or a mandatory procedure names
 * it; an ЕГЭ subject needs a minimum score too (or marks, as базовая математика), else no marker can be given.
 *
 * <p>The mart has one row per assessment year, procedure and subject as the files write it (several spellings of one
 * unrecognised subject are several rows, so that an analyst finds them in the files): year, procedure,
 * subject_as_written, subject (the normalised name that reached the marts), schools, file_rows (rows of the result
 * files: a participant's row or a school's aggregate row), reason.
 */
public final class UnrecognisedSubjects {
    public static final String UNRECOGNISED = "нераспознанный предмет";
    public static final String NO_MINIMUM = "нераспознанный предмет: нет минимального балла ЕГЭ";

    /** The mart's columns, in the warehouse table's order (run_id aside). */
    public static final StructType MART = new StructType()
            .add("year", DataTypes.IntegerType, false).add("procedure", DataTypes.StringType, false)
            .add("subject_as_written", DataTypes.StringType, false).add("subject", DataTypes.StringType, false)
            .add("schools", DataTypes.LongType, false).add("file_rows", DataTypes.LongType, false)
            .add("reason", DataTypes.StringType, false).add("region", DataTypes.StringType, false);

    /** One unrecognised subject over all years and spellings, for the run summary; rows are rows of the files. */
    public record UnrecognisedSubject(String procedure, String subject, long schools, long rows, String reason) {
    }

    /** The mart and the run summary's lines. */
    public record Found(Dataset<Row> bySpelling, List<UnrecognisedSubject> summary) {
    }

    private UnrecognisedSubjects() {
    }

    /**
     * The unrecognised (year, procedure, subject) of the markers (names already canonical) and whether the reason is
     * a missing ЕГЭ minimum: year, procedure, subject, no_minimum.
     */
    public static Dataset<Row> of(Dataset<Row> markers, AnalyticsSettings settings) {
        Set<String> known = new LinkedHashSet<>(settings.subjectNames().canonicalNames());
        for (var rule : settings.markers().thresholds()) {
            if (rule.subject() != null) {
                known.add(rule.subject());
            }
        }
        for (var min : settings.markers().egeMinScores()) {
            known.add(min.subject());
        }
        for (var ref : settings.mandatory()) {
            known.add(ref.subject());
        }
        SubjectNames table = settings.subjectNames();
        Object[] names = known.stream().map(table::canonical).distinct().toArray();
        Column isKnown = col("subject").isin(names);
        Column noMinimum = col("note").equalTo(Markers.NOTE_NO_MINIMUM).and(col("procedure").equalTo(ProcedureResults.EGE));
        return Regions.ensure(markers)
                .withColumn("no_minimum", noMinimum)
                .withColumn("unknown", isKnown.equalTo(false))
                .filter(col("no_minimum").or(col("unknown")))
                .groupBy(col("region"), col("year"), col("procedure"), col("subject"))
                .agg(max(col("no_minimum")).as("no_minimum"));
    }

    /**
     * The subjects the markers show unrecognised, traced back to the spellings of the result files. The files are
     * read again only when there is something to trace: a region whose subjects are all recognised pays nothing.
     *
     * @param students the snapshot's exam_results, aggregates its exam_aggregates (names as written), each with the
     *                 region of its schools; the mart counts per region, the run summary over all
     */
    public static Found find(Dataset<Row> students, Dataset<Row> aggregates, Dataset<Row> markers,
                             AnalyticsSettings settings) {
        List<Row> flagged = of(markers, settings).collectAsList();
        if (flagged.isEmpty()) {
            return new Found(markers.sparkSession().createDataFrame(List.of(), MART), List.of());
        }
        Dataset<Row> subjects = broadcast(markers.sparkSession().createDataFrame(flagged, new StructType()
                .add("region", DataTypes.StringType).add("year", DataTypes.IntegerType).add("procedure", DataTypes.StringType)
                .add("subject", DataTypes.StringType).add("no_minimum", DataTypes.BooleanType)));
        SubjectNames names = settings.subjectNames();
        // One row per school and spelling, with how many file rows it has: small, read twice below.
        Dataset<Row> bySchool = fileRows(students).unionByName(fileRows(aggregates))
                .withColumn("procedure", SubjectNames.procedure(col("procedure")))
                .withColumn("subject", names.canonical(col("subject_as_written")))
                .join(subjects, new String[] {"region", "year", "procedure", "subject"})
                .groupBy(col("region"), col("year"), col("procedure"), col("subject_as_written"), col("subject"),
                        col("school_id"))
                .agg(count(lit(1)).as("file_rows"), max(col("no_minimum")).as("no_minimum"))
                .cache();
        // a few rows (one per unrecognised spelling): held as a local frame, so that the cache can go now
        List<Row> spellings = bySchool
                .groupBy(col("region"), col("year"), col("procedure"), col("subject_as_written"), col("subject"))
                .agg(countDistinct(col("school_id")).as("schools"), sum(col("file_rows")).cast("long").as("file_rows"),
                        max(col("no_minimum")).as("no_minimum"))
                .select(col("year"), col("procedure"), col("subject_as_written"), col("subject"), col("schools"),
                        col("file_rows"), reason().as("reason"), col("region"))
                .orderBy(col("region"), col("year"), col("procedure"), col("subject_as_written"))
                .collectAsList();
        Dataset<Row> bySpelling = markers.sparkSession().createDataFrame(spellings, MART);
        List<UnrecognisedSubject> summary = new ArrayList<>();
        for (Row r : bySchool.groupBy(col("procedure"), col("subject"))
                .agg(countDistinct(col("school_id")).as("schools"), sum(col("file_rows")).cast("long").as("file_rows"),
                        max(col("no_minimum")).as("no_minimum"))
                .select(col("procedure"), col("subject"), col("schools"), col("file_rows"), reason().as("reason"))
                .orderBy(col("procedure"), col("subject")).collectAsList()) {
            summary.add(new UnrecognisedSubject(r.getAs("procedure"), r.getAs("subject"), r.<Long>getAs("schools"),
                    r.<Long>getAs("file_rows"), r.getAs("reason")));
        }
        bySchool.unpersist();
        return new Found(bySpelling, List.copyOf(summary));
    }

    private static Column reason() {
        return when(col("no_minimum"), lit(NO_MINIMUM)).otherwise(lit(UNRECOGNISED));
    }

    /** rows with their region ({@code Regions.attach}; without one, the installation's one region). */
    private static Dataset<Row> fileRows(Dataset<Row> rows) {
        return Regions.ensure(rows).select(col("year").cast("int").as("year"), col("procedure"),
                col("subject").as("subject_as_written"), col("school_id"), col("region"));
    }
}
