package ru.orientir.etl.analytics;

import java.util.List;

import ru.orientir.etl.analytics.results.UnrecognisedSubjects.UnrecognisedSubject;

/**
 * What a run found that the marts alone do not say, for the run summary (docs/methodology.md): the subjects no rule
 * recognises, and the computed list years whose rule (b) could not be applied because the results of the year before
 * their assessment year are missing (the first computed list year): such a list may miss schools.
 */
public record AnalyticsFindings(List<UnrecognisedSubject> unrecognisedSubjects, List<Integer> ruleBUndecidedListYears) {
    public static AnalyticsFindings none() {
        return new AnalyticsFindings(List.of(), List.of());
    }
}
