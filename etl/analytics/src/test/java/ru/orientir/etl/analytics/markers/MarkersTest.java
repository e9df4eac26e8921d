package ru.orientir.etl.analytics.markers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.Frames;
import ru.orientir.etl.analytics.results.ProcedureResults;

/** docs/methodology.md §1: shares, inclusive thresholds, too few participants, ЕГЭ minimum scores, configured thresholds. */
class MarkersTest {

    private static Map<String, Row> byKey(Dataset<Row> markers) {
        Map<String, Row> rows = new HashMap<>();
        for (Row r : markers.collectAsList()) {
            rows.put(r.<Integer>getAs("year") + "|" + r.getAs("school_id") + "|" + r.getAs("procedure_key"), r);
        }
        return rows;
    }

    @Test
    void shareEqualToTheThresholdIsAMarker() {
        Map<String, Row> m = byKey(Frames.markers(
                "2022|A|ВПР|5|математика|10|3",     // 30 % — exactly the threshold
                "2022|A|ВПР|5|русский язык|10|2",   // 20 %
                "2022|A|ОГЭ|9|математика|20|9",     // 45 %
                "2022|B|ВПР|5|математика|7|6"));    // 6 of 7, more than 5 participants
        Row tie = m.get("2022|A|ВПР 5 математика");
        assertEquals(0.3, tie.<Double>getAs("share_mark2"), 1e-12);
        assertTrue(tie.<Boolean>getAs("marker"), "a share equal to its threshold is a marker");
        assertEquals(Markers.NOTE_MARKER, tie.getAs("note"));
        assertFalse(m.get("2022|A|ВПР 5 русский язык").<Boolean>getAs("marker"));
        assertTrue(m.get("2022|A|ОГЭ 9 математика").<Boolean>getAs("marker"));
        assertTrue(m.get("2022|B|ВПР 5 математика").<Boolean>getAs("marker"));
    }

    @Test
    void fewerThanFiveParticipantsGiveNoMarkerAndSaySo() {
        Map<String, Row> m = byKey(Frames.markers("2022|A|ВПР|4|математика|4|4", "2022|A|ВПР|4|русский язык|5|2"));
        Row small = m.get("2022|A|ВПР 4 математика");
        assertNull(small.getAs("marker"), "too small to judge");
        assertFalse(small.<Boolean>getAs("judged"));
        assertEquals(Markers.NOTE_TOO_FEW, small.getAs("note"));
        Row five = m.get("2022|A|ВПР 4 русский язык");
        assertTrue(five.<Boolean>getAs("judged"), "five participants are enough");
        assertTrue(five.<Boolean>getAs("marker"), "2 of 5 = 40 %");
    }

    @Test
    void egeCountsScoresBelowTheSubjectMinimumFromStudentRows() {
        // Russian: minimum 24. Three of ten below (23, 10, 0); a score equal to the minimum passes.
        Dataset<Row> students = Frames.students(
                "2023|A|ЕГЭ|11|русский язык||23", "2023|A|ЕГЭ|11|русский язык||10", "2023|A|ЕГЭ|11|русский язык||0",
                "2023|A|ЕГЭ|11|русский язык||24", "2023|A|ЕГЭ|11|русский язык||24", "2023|A|ЕГЭ|11|русский язык||60",
                "2023|A|ЕГЭ|11|русский язык||70", "2023|A|ЕГЭ|11|русский язык||80", "2023|A|ЕГЭ|11|русский язык||90",
                "2023|A|ЕГЭ|11|русский язык||99",
                // базовая математика has marks only: mark 2 is below the minimum
                "2023|A|ЕГЭ|11|математика базовая|2|", "2023|A|ЕГЭ|11|математика базовая|3|",
                "2023|A|ЕГЭ|11|математика базовая|4|", "2023|A|ЕГЭ|11|математика базовая|5|",
                "2023|A|ЕГЭ|11|математика базовая|5|");
        Map<String, Row> m = byKey(Markers.of(ProcedureResults.of(students, Frames.noAggregates(), MarkerSettings.defaults()),
                MarkerSettings.defaults()));
        Row russian = m.get("2023|A|ЕГЭ 11 русский язык");
        assertEquals(10, (int) russian.getAs("participants"));
        assertEquals(0.3, russian.<Double>getAs("share_below_min"), 1e-12);
        assertNull(russian.getAs("share_mark2"), "ЕГЭ is judged by the minimum score, not mark 2");
        assertTrue(russian.<Boolean>getAs("marker"));
        assertEquals(48.0, russian.<Double>getAs("mean_result"), 1e-9, "mean score: 480 / 10");
        Row basic = m.get("2023|A|ЕГЭ 11 математика базовая");
        assertEquals(0.2, basic.<Double>getAs("share_below_min"), 1e-12);
        assertFalse(basic.<Boolean>getAs("marker"));
    }

    @Test
    void studentRowsWinOverAggregatesForTheSameProcedure() {
        Dataset<Row> students = Frames.students("2022|A|ВПР|5|математика|2|", "2022|A|ВПР|5|математика|3|",
                "2022|A|ВПР|5|математика|3|", "2022|A|ВПР|5|математика|4|", "2022|A|ВПР|5|математика|5|");
        Dataset<Row> aggregates = Frames.aggregates("2022|A|ВПР|5|математика|30|20", "2022|B|ВПР|5|математика|10|1");
        List<Row> rows = ProcedureResults.of(students, aggregates, MarkerSettings.defaults())
                .orderBy("school_id").collectAsList();
        assertEquals(2, rows.size());
        assertEquals("student", rows.get(0).getAs("source"));
        assertEquals(5, (int) rows.get(0).getAs("participants"));
        assertEquals(1, (int) rows.get(0).getAs("mark2"));
        assertEquals(3.4, rows.get(0).<Double>getAs("mean_result"), 1e-9, "mean mark");
        assertEquals("aggregate", rows.get(1).getAs("source"));
    }

    @Test
    void theMostSpecificConfiguredThresholdWins() {
        MarkerSettings settings = new MarkerSettings(5, 0.30, List.of(
                new MarkerSettings.ThresholdRule(null, "ВПР", null, null, 0.40),
                new MarkerSettings.ThresholdRule(2023, "ВПР", 5, "математика", 0.20)),
                MarkerSettings.defaults().egeMinScores());
        Dataset<Row> results = ProcedureResults.of(Frames.noStudents(), Frames.aggregates(
                "2023|A|ВПР|5|математика|10|2",   // 20 %: marker under the 2023 rule for this subject
                "2022|A|ВПР|5|математика|10|3",   // 30 %: not a marker under the ВПР rule (40 %)
                "2022|A|ОГЭ|9|математика|10|3"),  // 30 %: default threshold
                settings);
        Map<String, Row> m = byKey(Markers.of(results, settings));
        assertEquals(0.20, m.get("2023|A|ВПР 5 математика").<Double>getAs("threshold"), 1e-12);
        assertTrue(m.get("2023|A|ВПР 5 математика").<Boolean>getAs("marker"));
        assertEquals(0.40, m.get("2022|A|ВПР 5 математика").<Double>getAs("threshold"), 1e-12);
        assertFalse(m.get("2022|A|ВПР 5 математика").<Boolean>getAs("marker"));
        assertTrue(m.get("2022|A|ОГЭ 9 математика").<Boolean>getAs("marker"));
    }

    @Test
    void settingsOutOfRangeAreRejectedWithTheirName() {
        var bad = new MarkerSettings(5, 1.5, List.of(), List.of());
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, bad::validate);
        assertTrue(e.getMessage().startsWith("analytics.markers.share"), e.getMessage());
        var badProcedure = new MarkerSettings(5, 0.3, List.of(new MarkerSettings.ThresholdRule(null, "ГИА", null, null, 0.3)), List.of());
        assertThrows(badProcedure);
    }

    @Test
    void zeroParticipantsGiveNoMarkerAndNeverBreakTheRun() {
        // issue 11, item 5: Spark 4's ANSI mode throws on a division by zero; a row with 0 participants is no marker.
        Map<String, Row> m = byKey(Frames.markers("2022|A|ВПР|5|математика|0|0", "2022|A|ЕГЭ|11|русский язык|0|0"));
        Row vpr = m.get("2022|A|ВПР 5 математика");
        assertNull(vpr.getAs("share_mark2"));
        assertNull(vpr.getAs("marker"));
        assertFalse(vpr.<Boolean>getAs("judged"));
        assertEquals(Markers.NOTE_NO_PARTICIPANTS, vpr.getAs("note"));
        assertEquals(Markers.NOTE_NO_PARTICIPANTS, m.get("2022|A|ЕГЭ 11 русский язык").getAs("note"));
    }

    @Test
    void theRuleNamingMostFieldsWinsAndTheYearBreaksTies() {
        // issue 11, item 11: a year-only rule used to beat procedure + grade + subject.
        MarkerSettings settings = new MarkerSettings(5, 0.30, List.of(
                new MarkerSettings.ThresholdRule(null, "ВПР", 5, "математика", 0.20),
                new MarkerSettings.ThresholdRule(2023, null, null, null, 0.50),
                new MarkerSettings.ThresholdRule(null, "ОГЭ", null, "математика", 0.25),
                new MarkerSettings.ThresholdRule(2023, "ОГЭ", null, null, 0.35)),
                MarkerSettings.defaults().egeMinScores());
        Map<String, Row> m = byKey(Markers.of(ProcedureResults.of(Frames.noStudents(), Frames.aggregates(
                "2023|A|ВПР|5|математика|10|2", "2023|A|ОГЭ|9|математика|10|3", "2023|A|ОГЭ|9|русский язык|10|3"),
                settings), settings));
        assertEquals(0.20, m.get("2023|A|ВПР 5 математика").<Double>getAs("threshold"), 1e-12, "three fields beat the year");
        assertEquals(0.35, m.get("2023|A|ОГЭ 9 математика").<Double>getAs("threshold"), 1e-12,
                "two fields each: the one naming the year wins");
        assertEquals(0.35, m.get("2023|A|ОГЭ 9 русский язык").<Double>getAs("threshold"), 1e-12);
    }

    @Test
    void subjectSpellingsAreOneProcedureAndMeetTheirRules() {
        // issue 11, item 3: a capital letter used to lose the ЕГЭ minimum score, and variants split one procedure.
        Dataset<Row> students = Frames.students(
                "2023|A|ЕГЭ|11|РУССКИЙ ЯЗЫК||10", "2023|A|ЕГЭ|11|Русский язык||10", "2023|A|ЕГЭ|11|русский яз.||60",
                "2023|A|ЕГЭ|11|Русский  язык ||60", "2023|A|ЕГЭ|11|русский язык||60",
                "2023|A|ЕГЭ|11|Математика (профильный уровень)||10", "2023|A|ЕГЭ|11|математика профильная||10",
                "2023|A|ЕГЭ|11|Математика профиль||80", "2023|A|ЕГЭ|11|МАТЕМАТИКА ПРОФИЛЬНАЯ||80",
                "2023|A|ЕГЭ|11|математика (профильная)||80",
                "2023|A|впр|5|Окружающий мир|2|", "2023|A|ВПР|5|окружающий мир|3|");
        Map<String, Row> m = byKey(Markers.of(ProcedureResults.of(students, Frames.noAggregates(), MarkerSettings.defaults()),
                MarkerSettings.defaults()));
        Row russian = m.get("2023|A|ЕГЭ 11 русский язык");
        assertEquals(5, (int) russian.getAs("participants"), "five spellings, one procedure");
        assertEquals(0.4, russian.<Double>getAs("share_below_min"), 1e-12, "minimum 24 applies whatever the case");
        assertTrue(russian.<Boolean>getAs("marker"));
        Row maths = m.get("2023|A|ЕГЭ 11 математика профильная");
        assertEquals(5, (int) maths.getAs("participants"));
        assertEquals(0.4, maths.<Double>getAs("share_below_min"), 1e-12, "minimum 27");
        assertEquals(2, (int) m.get("2023|A|ВПР 5 окружающий мир").getAs("participants"), "«впр» is ВПР");
    }

    @Test
    void configuredSubjectNamesAreFoldedToo() {
        MarkerSettings settings = new MarkerSettings(5, 0.30, List.of(
                new MarkerSettings.ThresholdRule(null, "впр", 5, "Русский яз.", 0.20)),
                List.of(new MarkerSettings.MinScore(null, "Астрономия", 30)));
        Dataset<Row> students = Frames.students("2023|A|ЕГЭ|11|АСТРОНОМИЯ||10", "2023|A|ЕГЭ|11|астрономия.||29",
                "2023|A|ЕГЭ|11|Астрономия||30", "2023|A|ЕГЭ|11|Астрономия||50", "2023|A|ЕГЭ|11|Астрономия||50");
        Map<String, Row> m = byKey(Markers.of(ProcedureResults.of(students, Frames.aggregates(
                "2023|A|ВПР|5|Русский язык|10|2"), settings), settings));
        assertEquals(0.20, m.get("2023|A|ВПР 5 русский язык").<Double>getAs("threshold"), 1e-12);
        assertEquals(0.4, m.get("2023|A|ЕГЭ 11 астрономия").<Double>getAs("share_below_min"), 1e-12,
                "the configured minimum applies to every spelling; 30 is not below 30");
    }

    @Test
    void scoreOnlyRowsJudgedAtIngestCountForMarkTwo() {
        // A ВПР file with scores and no marks: ingest set mark 2 where the score is at most the bound and left the mark
        // empty for «не 2» (mark2_max_score says which bound judged it). All five judged; the mean mark is unknown.
        var schema = Frames.STUDENTS.add("mark2_max_score", org.apache.spark.sql.types.DataTypes.DoubleType);
        Dataset<Row> students = Frames.frame(schema,
                "2023|ВПР|5|математика|A|2|3|5", "2023|ВПР|5|математика|A|2|5|5", "2023|ВПР|5|математика|A||9|5",
                "2023|ВПР|5|математика|A||12|5", "2023|ВПР|5|математика|A||15|5",
                "2023|ВПР|6|математика|B||9|5", "2023|ВПР|6|математика|B||12|5", "2023|ВПР|6|математика|B||15|5",
                "2023|ВПР|6|математика|B||16|5", "2023|ВПР|6|математика|B||17|5");
        Map<String, Row> m = byKey(Markers.of(ProcedureResults.of(students, Frames.noAggregates(), MarkerSettings.defaults()),
                MarkerSettings.defaults()));
        Row a = m.get("2023|A|ВПР 5 математика");
        assertEquals(0.4, a.<Double>getAs("share_mark2"), 1e-12);
        assertTrue(a.<Boolean>getAs("marker"));
        assertNull(a.getAs("mean_result"), "marks 3–5 not told apart: no mean mark");
        Row b = m.get("2023|B|ВПР 6 математика");
        assertEquals(0.0, b.<Double>getAs("share_mark2"), 1e-12, "every participant «не 2»: judged, not missing");
        assertFalse(b.<Boolean>getAs("marker"));
    }

    private static void assertThrows(MarkerSettings s) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, s::validate);
        assertTrue(e.getMessage().contains("ГИА"), e.getMessage());
    }
}
