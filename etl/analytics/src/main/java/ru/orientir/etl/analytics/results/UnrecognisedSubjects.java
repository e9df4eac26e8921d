package ru.orientir.etl.analytics.results;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import ru.orientir.etl.analytics.AnalyticsSettings;
import ru.orientir.etl.analytics.markers.Markers;

/**
 * docs/methodology.md, «Названия предметов»: the subjects no rule recognises, listed rather than passed over. A subject
 * is recognised when the synonym table knows it, or a threshold rule or a mandatory procedure names it; an ЕГЭ
 * subject needs a minimum score too (or marks, as базовая математика), else no marker can be given. Columns:
 * procedure, subject (as folded, the name that reached the marts), schools, rows, reason.
 */
public final class UnrecognisedSubjects {
    public static final String UNRECOGNISED = "нераспознанный предмет";
    public static final String NO_MINIMUM = "нераспознанный предмет: нет минимального балла ЕГЭ";

    /** One subject no rule recognises, for the run summary and the data-quality dashboard. */
    public record UnrecognisedSubject(String procedure, String subject, long schools, long rows, String reason) {
    }

    private UnrecognisedSubjects() {
    }

    /** From the markers (procedure, subject, school_id, note), names already canonical. */
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
        return markers
                .withColumn("no_minimum", noMinimum)
                .withColumn("unknown", isKnown.equalTo(false))
                .filter(col("no_minimum").or(col("unknown")))
                .groupBy(col("procedure"), col("subject"))
                .agg(countDistinct(col("school_id")).as("schools"), count(lit(1)).as("rows"),
                        max(col("no_minimum")).as("no_minimum"))
                .select(col("procedure"), col("subject"), col("schools"), col("rows"),
                        when(col("no_minimum"), lit(NO_MINIMUM)).otherwise(lit(UNRECOGNISED)).as("reason"))
                .orderBy(col("procedure"), col("subject"));
    }

    public static List<UnrecognisedSubject> collect(Dataset<Row> unrecognised) {
        List<UnrecognisedSubject> out = new ArrayList<>();
        for (Row r : unrecognised.collectAsList()) {
            out.add(new UnrecognisedSubject(r.getAs("procedure"), r.getAs("subject"), r.<Long>getAs("schools"),
                    r.<Long>getAs("rows"), r.getAs("reason")));
        }
        return out;
    }
}
