package ru.orientir.etl.analytics.risks;

import ru.orientir.etl.analytics.AnalyticsSettings.Bounds;

/**
 * docs/methodology.md §8, the context risk thresholds: the first value of each pair is the bound for «высокий», the second for
 * «средний». Shares are 0–1. Management: changes of head or deputy within the last {@code managementWindow} years.
 */
public record RiskSettings(long populationHigh, long populationMedium, double distanceHigh, double distanceMedium,
                           double computersHigh, double computersMedium, int vacanciesHigh, int vacanciesMedium,
                           double untrainedHigh, double untrainedMedium, double pensionHigh, double pensionMedium,
                           int managementChangesHigh, int managementWindow, double ovzHigh, double ovzMedium,
                           double languageHigh, double languageMedium) {

    public static RiskSettings defaults() {
        return new RiskSettings(1_000, 5_000, 150, 50, 5, 10, 2, 1, 0.50, 0.25, 0.40, 0.25, 2, 3, 0.15, 0.08, 0.15, 0.05);
    }

    public void validate() {
        String p = "analytics.risks.";
        Bounds.positive(p + "population-high", populationHigh);
        Bounds.ordered(p + "population", populationHigh, populationMedium, false);
        Bounds.positive(p + "distance-high", distanceHigh);
        Bounds.ordered(p + "distance", distanceHigh, distanceMedium, true);
        Bounds.positive(p + "computers-high", computersHigh);
        Bounds.ordered(p + "computers", computersHigh, computersMedium, false);
        Bounds.positive(p + "vacancies-medium", vacanciesMedium);
        Bounds.ordered(p + "vacancies", vacanciesHigh, vacanciesMedium, true);
        shareBand(p + "untrained", untrainedHigh, untrainedMedium);
        shareBand(p + "pension", pensionHigh, pensionMedium);
        shareBand(p + "ovz", ovzHigh, ovzMedium);
        shareBand(p + "language", languageHigh, languageMedium);
        if (managementWindow < 1 || managementChangesHigh < 1 || managementChangesHigh > managementWindow) {
            throw new IllegalArgumentException(p + "management-changes-high: от 1 до management-window ("
                    + managementWindow + "), указано " + managementChangesHigh);
        }
    }

    private static void shareBand(String name, double high, double medium) {
        Bounds.share(name + "-high", high);
        Bounds.share(name + "-medium", medium);
        Bounds.ordered(name, high, medium, true);
    }
}
