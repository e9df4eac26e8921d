package ru.orientir.etl.analytics.clusters;

/**
 * docs/methodology.md §4, the risk zone: a share within {@code nearThreshold} (a share, 0.05 = 5 percentage points) below its
 * threshold, or a share of mark 2 that rose in each of the last {@code trendYears} years in a mandatory procedure.
 */
public record ClusterSettings(double nearThreshold, int trendYears) {
    public static ClusterSettings defaults() {
        return new ClusterSettings(0.05, 2);
    }

    public void validate() {
        if (!(nearThreshold >= 0 && nearThreshold < 1)) {
            throw new IllegalArgumentException("analytics.clusters.near-threshold: доля от 0 до 1 (0.05 = 5 п.п.), указано "
                    + nearThreshold);
        }
        if (trendYears < 1 || trendYears > 5) {
            throw new IllegalArgumentException("analytics.clusters.trend-years: от 1 до 5 лет, указано " + trendYears);
        }
    }
}
