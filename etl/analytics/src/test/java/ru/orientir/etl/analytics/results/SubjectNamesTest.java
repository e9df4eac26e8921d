package ru.orientir.etl.analytics.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.AnalyticsSettings;
import ru.orientir.etl.analytics.Frames;
import ru.orientir.etl.analytics.markers.Markers;
import ru.orientir.etl.analytics.resilience.Resilience;

/** docs/methodology.md, «Названия предметов» (issue 11, item 3): folding, the synonym table, unrecognised subjects. */
class SubjectNamesTest {

    @Test
    void variantsFoldToOneCanonicalName() {
        SubjectNames names = SubjectNames.defaults();
        for (String v : List.of("Русский язык", "РУССКИЙ ЯЗЫК", "русский яз.", " русский  язык ", "Русский-язык")) {
            assertEquals("русский язык", names.canonical(v), v);
        }
        for (String v : List.of("Математика (профильный уровень)", "математика профильная", "Математика профиль",
                "МАТЕМАТИКА (ПРОФИЛЬ)")) {
            assertEquals("математика профильная", names.canonical(v), v);
        }
        assertEquals("математика базовая", names.canonical("Математика (базовый уровень)"));
        assertEquals("естествознание", names.canonical("Естествознание"), "unknown names stay folded");
        assertEquals("ученье", names.canonical("Учёнье"), "ё is е");
    }

    @Test
    void theSparkFoldingIsTheJavaFolding() {
        SubjectNames names = new SubjectNames(new SubjectSettings(Map.of("астрономия", List.of("астр"))));
        Dataset<Row> rows = Frames.students("2023|A|ВПР|5|Астр.|3|", "2023|A|ВПР|5|РУССКИЙ ЯЗ.|3|", "2023|A|ВПР|5|Ёлка|3|");
        List<String> out = rows.select(names.canonical(rows.col("subject")).as("s")).orderBy("s").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(List.of("астрономия", "елка", "русский язык"), out);
    }

    @Test
    void aCapitalLetterNoLongerLosesTheMandatoryProcedure() {
        // The result index (and the risk zone's trend) read the mandatory ОГЭ русский язык and математика.
        Dataset<Row> markers = Markers.of(ProcedureResults.of(Frames.noStudents(), Frames.aggregates(
                "2023|A|ОГЭ|9|Русский язык|10|0", "2023|B|ОГЭ|9|РУССКИЙ ЯЗЫК|10|5"), ru.orientir.etl.analytics.markers
                .MarkerSettings.defaults()), ru.orientir.etl.analytics.markers.MarkerSettings.defaults());
        Dataset<Row> derived = Markers.withDerived(markers, ru.orientir.etl.analytics.markers.MarkerSettings.defaults());
        assertEquals(2, Resilience.resultIndex(derived, AnalyticsSettings.defaults().mandatory()).count());
    }

    @Test
    void unrecognisedSubjectsAreListedNotPassedOver() {
        AnalyticsSettings settings = AnalyticsSettings.defaults().canonical();
        Dataset<Row> markers = Markers.withDerived(Markers.of(ProcedureResults.of(Frames.noStudents(), Frames.aggregates(
                        "2023|A|ВПР|5|Математика|10|0", "2023|A|ВПР|5|Матиматика|10|0", "2023|B|ВПР|5|матиматика|10|0",
                        "2023|A|ЕГЭ|11|Астрономия|10|0", "2023|A|ЕГЭ|11|Физика|10|0"), settings.markers(),
                        settings.subjectNames()), settings.markers()), settings.markers());
        // Frames' ЕГЭ aggregates carry below_min; drop it so the subject's missing minimum score shows
        Dataset<Row> noMinimum = markers.withColumn("note", org.apache.spark.sql.functions.expr(
                "CASE WHEN subject = 'астрономия' THEN '" + Markers.NOTE_NO_MINIMUM + "' ELSE note END"));
        List<String> found = UnrecognisedSubjects.of(noMinimum, settings).orderBy("procedure", "subject").collectAsList()
                .stream().map(r -> r.getAs("year") + " " + r.getAs("procedure") + " " + r.getAs("subject") + " "
                        + r.getAs("no_minimum")).toList();
        assertEquals(List.of("2023 ВПР матиматика false", "2023 ЕГЭ астрономия true"), found);
    }

    @Test
    void theSynonymTableIsValidated() {
        var clash = new SubjectSettings(Map.of("русский язык", List.of("рус"), "русская литература", List.of("Рус.")));
        var e = assertThrows(IllegalArgumentException.class, clash::validate);
        assertTrue(e.getMessage().startsWith("analytics.subjects.synonyms"), e.getMessage());
        var blank = new SubjectSettings(Map.of("физика", List.of(" . ")));
        assertThrows(IllegalArgumentException.class, blank::validate);
    }
}
