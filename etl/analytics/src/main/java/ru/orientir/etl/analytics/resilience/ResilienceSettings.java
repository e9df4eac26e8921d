package ru.orientir.etl.analytics.resilience;

import ru.orientir.etl.analytics.AnalyticsSettings.Bounds;

/**
 * docs/methodology.md §7. Resilient: ИСБ in the lowest {@code isbQuantile} and the result index at or above the
 * {@code resultQuantile} quantile; "better than expected" at a standardised residual of at least {@code residual};
 * {@code consecutiveYears} requires resilience in the year before too.
 */
public record ResilienceSettings(double isbQuantile, double resultQuantile, double residual, boolean consecutiveYears) {
    public static ResilienceSettings defaults() {
        return new ResilienceSettings(0.25, 0.75, 1.0, false);
    }

    public void validate() {
        Bounds.share("analytics.resilience.isb-quantile", isbQuantile);
        Bounds.share("analytics.resilience.result-quantile", resultQuantile);
        Bounds.positive("analytics.resilience.residual", residual);
    }
}
