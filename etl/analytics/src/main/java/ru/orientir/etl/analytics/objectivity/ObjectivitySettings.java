package ru.orientir.etl.analytics.objectivity;

import java.util.List;

import ru.orientir.etl.analytics.AnalyticsSettings.Bounds;

/**
 * docs/methodology.md §5. Orientir's own signal: a school's ВПР share of mark 2 at least {@code gap} below what its ОГЭ share
 * predicts (the region-year's linear fit). {@code officialReasons}: reason codes of the official list that mean
 * "non-objective results" (matched as whole codes, case-insensitively).
 */
public record ObjectivitySettings(double gap, List<String> officialReasons) {
    public static ObjectivitySettings defaults() {
        return new ObjectivitySettings(0.15, List.of("НО", "необъективность"));
    }

    public void validate() {
        Bounds.share("analytics.objectivity.gap", gap);
        if (officialReasons == null) {
            throw new IllegalArgumentException("analytics.objectivity.official-reasons: нужен список кодов (может быть пустым)");
        }
    }
}
