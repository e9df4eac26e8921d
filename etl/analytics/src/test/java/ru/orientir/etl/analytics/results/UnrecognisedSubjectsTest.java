package ru.orientir.etl.analytics.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.AnalyticsSettings;
import ru.orientir.etl.analytics.Frames;
import ru.orientir.etl.analytics.markers.Markers;

/**
 * docs/methodology.md §1.5 worked example (issue 11, item 3): a ВПР file with «Русский язык», «РУССКИЙ ЯЗЫК» and
 * «Астрономия». The first two are one recognised subject; «Астрономия» is listed per year and spelling, with the
 * schools and file rows that use it and the reason, for the data-quality dashboard (mart unrecognised_subjects).
 */
class UnrecognisedSubjectsTest {
    private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults().canonical();

    private static UnrecognisedSubjects.Found find(Dataset<Row> students, Dataset<Row> aggregates) {
        Dataset<Row> markers = Markers.withDerived(Markers.of(ProcedureResults.of(students, aggregates, SETTINGS.markers(),
                SETTINGS.subjectNames()), SETTINGS.markers()), SETTINGS.markers());
        return UnrecognisedSubjects.find(students, aggregates, markers, SETTINGS);
    }

    private static List<List<Object>> rows(Dataset<Row> mart) {
        return mart.collectAsList().stream().map(r -> Arrays.asList(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4),
                r.get(5), r.get(6), r.get(7))).toList();
    }

    @Test
    void astronomyIsListedBySpellingAndRussianIsRecognisedWhateverTheCase() {
        Dataset<Row> students = Frames.students(
                "2023|A|ВПР|5|Русский язык|3|", "2023|A|ВПР|5|Русский язык|4|", "2023|A|ВПР|5|Русский язык|5|",
                "2023|A|ВПР|5|РУССКИЙ ЯЗЫК|2|", "2023|A|ВПР|5|РУССКИЙ ЯЗЫК|3|",
                "2023|A|ВПР|5|Астрономия|3|", "2023|A|ВПР|5|Астрономия|4|", "2023|A|ВПР|5|Астрономия|4|",
                "2023|A|ВПР|5|Астрономия|5|", "2023|A|ВПР|5|Астрономия|2|",
                // four participants: not judged, but the spelling is still listed
                "2023|B|ВПР|5|Астрономия|3|", "2023|B|ВПР|5|Астрономия|3|", "2023|B|ВПР|5|Астрономия|3|",
                "2023|B|ВПР|5|Астрономия|3|",
                // ЕГЭ with scores and no minimum score for the subject: no marker can be given
                "2023|B|ЕГЭ|11|Астрономия||55", "2023|B|ЕГЭ|11|Астрономия||61", "2023|B|ЕГЭ|11|Астрономия||70",
                "2023|B|ЕГЭ|11|Астрономия||48", "2023|B|ЕГЭ|11|Астрономия||90",
                "2024|A|ВПР|5|Астрономия|3|", "2024|A|ВПР|5|Астрономия|3|");
        Dataset<Row> aggregates = Frames.aggregates("2023|C|ВПР|5|астрономия.|10|1", "2023|C|ВПР|5|РУССКИЙ ЯЗЫК|10|1");
        UnrecognisedSubjects.Found found = find(students, aggregates);

        assertEquals(List.of("year", "procedure", "subject_as_written", "subject", "schools", "file_rows", "reason",
                        "region"),
                Arrays.asList(found.bySpelling().columns()));
        assertEquals(List.of(
                        List.of(2023, "ВПР", "Астрономия", "астрономия", 2L, 9L, UnrecognisedSubjects.UNRECOGNISED, ""),
                        List.of(2023, "ВПР", "астрономия.", "астрономия", 1L, 1L, UnrecognisedSubjects.UNRECOGNISED, ""),
                        List.of(2023, "ЕГЭ", "Астрономия", "астрономия", 1L, 5L, UnrecognisedSubjects.NO_MINIMUM, ""),
                        List.of(2024, "ВПР", "Астрономия", "астрономия", 1L, 2L, UnrecognisedSubjects.UNRECOGNISED, "")),
                rows(found.bySpelling()));
        // The run summary: one line per subject over all years and spellings.
        assertEquals(List.of(
                        new UnrecognisedSubjects.UnrecognisedSubject("ВПР", "астрономия", 3, 12,
                                UnrecognisedSubjects.UNRECOGNISED),
                        new UnrecognisedSubjects.UnrecognisedSubject("ЕГЭ", "астрономия", 1, 5,
                                UnrecognisedSubjects.NO_MINIMUM)),
                found.summary());
    }

    @Test
    void aSubjectNamedBySynonymOrRuleIsRecognisedAndNothingIsListed() {
        AnalyticsSettings withSynonym = new AnalyticsSettings(SETTINGS.markers(), SETTINGS.list(), SETTINGS.mandatory(),
                SETTINGS.clusters(), SETTINGS.objectivity(), SETTINGS.isb(), SETTINGS.resilience(), SETTINGS.risks(),
                new SubjectSettings(java.util.Map.of("астрономия", List.of("астр"))), SETTINGS.earlyWarning()).canonical();
        Dataset<Row> students = Frames.students("2023|A|ВПР|5|Астрономия|3|", "2023|A|ВПР|5|РУССКИЙ ЯЗЫК|2|");
        Dataset<Row> markers = Markers.withDerived(Markers.of(ProcedureResults.of(students, Frames.noAggregates(),
                withSynonym.markers(), withSynonym.subjectNames()), withSynonym.markers()), withSynonym.markers());
        UnrecognisedSubjects.Found found = UnrecognisedSubjects.find(students, Frames.noAggregates(), markers, withSynonym);
        assertEquals(0, found.bySpelling().count());
        assertEquals(List.of(), found.summary());
        assertEquals(8, found.bySpelling().columns().length);
    }
}
