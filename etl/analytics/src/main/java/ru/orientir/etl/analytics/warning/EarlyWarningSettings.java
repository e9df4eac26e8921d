package ru.orientir.etl.analytics.warning;

import ru.orientir.etl.analytics.AnalyticsSettings.Bounds;

/**
 * docs/methodology.md §9. The bands of the calibrated probability (высокий from {@code high}, средний from
 * {@code medium}), the history a model needs (at least {@code minListYears} list years and {@code minEntries} schools
 * entering the list in the years it learns from), and the L2 penalty of the logistic regression.
 */
public record EarlyWarningSettings(double high, double medium, int minListYears, int minEntries, double regularization) {
    public static EarlyWarningSettings defaults() {
        return new EarlyWarningSettings(0.30, 0.10, 3, 10, 0.01);
    }

    public void validate() {
        Bounds.share("analytics.early-warning.high", high);
        Bounds.share("analytics.early-warning.medium", medium);
        Bounds.ordered("analytics.early-warning", high, medium, true);
        if (minListYears < 3) {
            throw new IllegalArgumentException("analytics.early-warning.min-list-years: нужно не меньше 3 лет списка "
                    + "(два года для обучения и проверки и год, от которого они считаются), указано " + minListYears);
        }
        if (minEntries < 1) {
            throw new IllegalArgumentException("analytics.early-warning.min-entries: нужно хотя бы одно вхождение в список "
                    + "для обучения, указано " + minEntries);
        }
        if (!(regularization >= 0)) {
            throw new IllegalArgumentException("analytics.early-warning.regularization: штраф не может быть отрицательным, "
                    + "указано " + regularization);
        }
    }
}
