package ru.orientir.etl.analytics;

import java.util.List;

import ru.orientir.etl.analytics.results.UnrecognisedSubjects.UnrecognisedSubject;

/**
 * What a run found that the marts alone do not say, for the run summary (docs/methodology.md): the subjects no rule
 * recognises, and the computed list years whose rule (b) could not be applied because the results of the year before
 * their assessment year are missing (the first computed list year): such a list may miss schools; and the early
 * warning's verdict on its backtest (model or rule, with their recall at k).
 */
public record AnalyticsFindings(List<UnrecognisedSubject> unrecognisedSubjects, List<Integer> ruleBUndecidedListYears,
                                String earlyWarning) {
    public AnalyticsFindings(List<UnrecognisedSubject> unrecognisedSubjects, List<Integer> ruleBUndecidedListYears) {
        this(unrecognisedSubjects, ruleBUndecidedListYears, null);
    }

    public static AnalyticsFindings none() {
        return new AnalyticsFindings(List.of(), List.of());
    }

    /** The findings of passes over different regions (their own settings) as one run's. */
    public static AnalyticsFindings merge(List<AnalyticsFindings> passes) {
        List<UnrecognisedSubject> subjects = new java.util.ArrayList<>();
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        List<String> verdicts = new java.util.ArrayList<>();
        for (AnalyticsFindings f : passes) {
            subjects.addAll(f.unrecognisedSubjects());
            years.addAll(f.ruleBUndecidedListYears());
            if (f.earlyWarning() != null) {
                verdicts.add(f.earlyWarning());
            }
        }
        return new AnalyticsFindings(List.copyOf(subjects), List.copyOf(years),
                verdicts.isEmpty() ? null : String.join("; ", verdicts));
    }

    /** The same findings with the early warning's reading of its backtest (docs/methodology.md §9). */
    public AnalyticsFindings withEarlyWarning(String verdict) {
        return new AnalyticsFindings(unrecognisedSubjects, ruleBUndecidedListYears, verdict);
    }
}
