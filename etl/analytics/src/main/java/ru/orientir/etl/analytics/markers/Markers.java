package ru.orientir.etl.analytics.markers;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import ru.orientir.etl.analytics.results.ProcedureResults;
import ru.orientir.etl.analytics.results.SubjectNames;

/**
 * docs/methodology.md §1: a marker per school, year and procedure. Adds to {@link ProcedureResults}: share_mark2,
 * share_below_min, share (the one the rule reads), threshold, judged (enough participants), marker (null when not
 * judged), note, procedure_key ("ВПР 5 математика").
 *
 * <p>Shares are compared with a tolerance of 1e-9 so that a share equal to its threshold (3 of 10 against 0.30) is a
 * marker whatever binary rounding does: thresholds are inclusive.
 */
public final class Markers {
    public static final double EPSILON = 1e-9;
    public static final String NOTE_MARKER = "маркер";
    public static final String NOTE_NO_MARKER = "нет маркера";
    public static final String NOTE_TOO_FEW = "мало участников";
    public static final String NOTE_NO_MINIMUM = "нет минимального балла";
    public static final String NOTE_NO_PARTICIPANTS = "нет участников";

    private Markers() {
    }

    public static Dataset<Row> of(Dataset<Row> results, MarkerSettings settings) {
        settings = settings.canonical(SubjectNames.defaults());
        // Spark 4 runs in ANSI mode: a division by zero throws, so zero participants give no share (and no marker).
        Column participants = when(col("participants").gt(0), col("participants").cast("double"));
        Dataset<Row> shares = results
                .withColumn("share_mark2", round(col("mark2").divide(participants), 6))
                .withColumn("share_below_min", round(col("below_min").divide(participants), 6))
                .withColumn("threshold", threshold(settings));
        return withDerived(shares, settings)
                .withColumn("marker", when(col("judged"), col("share").geq(col("threshold").minus(EPSILON))))
                .withColumn("note",
                        when(coalesce(col("participants"), lit(0)).leq(0), lit(NOTE_NO_PARTICIPANTS))
                                .when(col("participants").lt(settings.minParticipants()), lit(NOTE_TOO_FEW))
                                .when(col("share").isNull(), lit(NOTE_NO_MINIMUM))
                                .when(col("marker"), lit(NOTE_MARKER))
                                .otherwise(lit(NOTE_NO_MARKER)));
    }

    /**
     * The columns the later rules read, derived from the published mart's own columns (so the mart is written once
     * and read back): share (the one the rule reads), judged, procedure_key.
     */
    public static Dataset<Row> withDerived(Dataset<Row> mart, MarkerSettings settings) {
        return mart
                .withColumn("share", share())
                .withColumn("judged", col("participants").geq(settings.minParticipants()).and(col("share").isNotNull()))
                .withColumn("procedure_key", procedureKey());
    }

    private static Column share() {
        return when(col("procedure").equalTo(ProcedureResults.EGE), col("share_below_min")).otherwise(col("share_mark2"));
    }

    /** "ВПР 5 математика": one assessment, as the list rule and the reasons name it. */
    public static Column procedureKey() {
        return concat_ws(" ", col("procedure"), col("grade").cast("string"), col("subject"));
    }

    /** The threshold of each row: the most specific matching rule, else the default share. */
    static Column threshold(MarkerSettings settings) {
        Column result = null;
        for (MarkerSettings.ThresholdRule rule : settings.bySpecificity()) {
            Column matches = lit(true);
            if (rule.year() != null) {
                matches = matches.and(col("year").equalTo(rule.year()));
            }
            if (rule.procedure() != null) {
                matches = matches.and(col("procedure").equalTo(rule.procedure()));
            }
            if (rule.grade() != null) {
                matches = matches.and(col("grade").equalTo(rule.grade()));
            }
            if (rule.subject() != null) {
                matches = matches.and(col("subject").equalTo(rule.subject()));
            }
            result = result == null ? when(matches, lit(rule.share())) : result.when(matches, lit(rule.share()));
        }
        return result == null ? lit(settings.share()) : result.otherwise(lit(settings.share()));
    }
}
