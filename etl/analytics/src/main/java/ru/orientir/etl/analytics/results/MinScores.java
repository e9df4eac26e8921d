package ru.orientir.etl.analytics.results;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

import ru.orientir.etl.analytics.markers.MarkerSettings;

/** The ЕГЭ minimum score for a row's year and subject as one CASE expression (null: no minimum configured). */
final class MinScores {
    private MinScores() {
    }

    static Column column(MarkerSettings settings, Column year, Column subject) {
        Column result = null;
        for (MarkerSettings.MinScore m : settings.minScoresBySpecificity()) {
            Column matches = subject.equalTo(m.subject());  // canonical on both sides (MarkerSettings#canonical)
            if (m.year() != null) {
                matches = matches.and(year.equalTo(m.year()));
            }
            result = result == null ? when(matches, lit(m.minScore())) : result.when(matches, lit(m.minScore()));
        }
        return result == null ? lit(null).cast("double") : result;
    }
}
