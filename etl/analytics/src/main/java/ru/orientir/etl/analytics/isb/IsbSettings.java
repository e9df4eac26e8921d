package ru.orientir.etl.analytics.isb;

import java.util.List;
import java.util.Set;

import ru.orientir.etl.analytics.AnalyticsSettings.Bounds;

/**
 * docs/methodology.md §6. Each indicator is a context column, its direction (higher is better or worse) and its scale
 * ({@code log} for heavy-tailed counts such as settlement population). ИСБ needs {@code minIndicators} of them;
 * ШНСУ is the lowest {@code shnsuQuantile} of ИСБ.
 */
public record IsbSettings(List<Indicator> indicators, int minIndicators, double shnsuQuantile) {
    public static final Set<String> CONTEXT_COLUMNS = Set.of("parents_higher_education_share", "unemployed_parents_share",
            "low_income_share", "non_native_russian_share", "ovz_share", "settlement_population", "distance_km",
            "computers_per_100");

    public record Indicator(String column, boolean higherIsBetter, boolean log) {
    }

    public static IsbSettings defaults() {
        return new IsbSettings(List.of(
                new Indicator("parents_higher_education_share", true, false),
                new Indicator("unemployed_parents_share", false, false),
                new Indicator("low_income_share", false, false),
                new Indicator("non_native_russian_share", false, false),
                new Indicator("ovz_share", false, false),
                new Indicator("settlement_population", true, true),
                new Indicator("distance_km", false, false)), 3, 0.25);
    }

    public void validate() {
        if (indicators == null || indicators.isEmpty()) {
            throw new IllegalArgumentException("analytics.isb.indicators: нужен хотя бы один показатель");
        }
        for (Indicator i : indicators) {
            if (!CONTEXT_COLUMNS.contains(i.column())) {
                throw new IllegalArgumentException("analytics.isb.indicators: неизвестный показатель «" + i.column()
                        + "»; доступны: " + String.join(", ", new java.util.TreeSet<>(CONTEXT_COLUMNS)));
            }
        }
        if (minIndicators < 1 || minIndicators > indicators.size()) {
            throw new IllegalArgumentException("analytics.isb.min-indicators: от 1 до числа показателей ("
                    + indicators.size() + "), указано " + minIndicators);
        }
        Bounds.share("analytics.isb.shnsu-quantile", shnsuQuantile);
    }
}
