package ru.orientir.etl.analytics.lists;

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
import ru.orientir.etl.analytics.SparkTestSession;

/** docs/methodology.md §2: both rules, their combination, the procedure unit, severity; §3: official against computed. */
class ComputedListTest {
    private static final String[] RESULTS = {
            // A: two procedures marked in 2022 → rule (a)
            "2022|A|ВПР|5|математика|10|3", "2022|A|ОГЭ|9|математика|10|4",
            // B: the same procedure marked in 2021 and 2022 → rule (b)
            "2021|B|ВПР|6|русский язык|10|5", "2022|B|ВПР|6|русский язык|10|4",
            // C: both rules, three procedures → strong
            "2021|C|ОГЭ|9|русский язык|10|3", "2022|C|ОГЭ|9|русский язык|10|3", "2022|C|ВПР|5|математика|10|3",
            "2022|C|ВПР|6|математика|10|3",
            // D: one marker only → not on the list
            "2022|D|ВПР|5|математика|10|3", "2022|D|ВПР|6|математика|10|1",
            // E: a school new this year with one marker (no 2021) → not on the list
            "2022|E|ОГЭ|9|математика|10|5",
            // F: two markers, but one procedure has four participants → it does not count
            "2022|F|ВПР|5|математика|10|3", "2022|F|ВПР|6|математика|4|4",
            // G: two ВПР assessments; one share at 1.5 × threshold (a tie) → strong
            "2022|G|ВПР|5|математика|20|9", "2022|G|ВПР|6|математика|10|3"};

    private static Map<String, Row> evidence(ListRuleSettings settings) {
        Map<String, Row> rows = new HashMap<>();
        for (Row r : ComputedList.evidence(Frames.markers(RESULTS), settings).collectAsList()) {
            rows.put(r.<Integer>getAs("year") + r.<String>getAs("school_id"), r);
        }
        return rows;
    }

    @Test
    void eachRuleAndTheirCombination() {
        Map<String, Row> e = evidence(ListRuleSettings.defaults());
        assertEquals(ComputedList.TWO_PROCEDURES, e.get("2022A").getAs("rule"));
        assertEquals(List.of("ВПР 5 математика", "ОГЭ 9 математика"), e.get("2022A").getList(e.get("2022A").fieldIndex("units")));
        assertEquals(ComputedList.SAME_PROCEDURE_TWO_YEARS, e.get("2022B").getAs("rule"));
        assertEquals(ComputedList.BOTH, e.get("2022C").getAs("rule"));
        assertFalse(e.get("2022D").<Boolean>getAs("computed_on"));
        assertNull(e.get("2022D").getAs("rule"));
        assertFalse(e.get("2022E").<Boolean>getAs("computed_on"), "no earlier year: rule (b) cannot hold");
        assertFalse(e.get("2022F").<Boolean>getAs("computed_on"), "a procedure with 4 participants is not judged");
        assertFalse(e.get("2021B").<Boolean>getAs("computed_on"), "one marker in the first year");
    }

    @Test
    void severityStrongAtThreeProceduresOrOneAndAHalfTimesTheThreshold() {
        Map<String, Row> e = evidence(ListRuleSettings.defaults());
        assertEquals(ComputedList.STRONG, e.get("2022C").getAs("severity"), "three marked procedures");
        assertEquals(ComputedList.STRONG, e.get("2022G").getAs("severity"), "45 % = 1.5 × 30 %");
        assertEquals(ComputedList.MODERATE, e.get("2022A").getAs("severity"), "30 % and 40 %, two procedures");
    }

    @Test
    void andCombinationNeedsBothRules() {
        Map<String, Row> e = evidence(new ListRuleSettings(ListRuleSettings.Combine.AND, ListRuleSettings.Unit.ASSESSMENT, 2, 3, 1.5));
        assertFalse(e.get("2022A").<Boolean>getAs("computed_on"));
        assertFalse(e.get("2022B").<Boolean>getAs("computed_on"));
        assertTrue(e.get("2022C").<Boolean>getAs("computed_on"));
        assertEquals(ComputedList.BOTH, e.get("2022C").getAs("rule"));
    }

    @Test
    void procedureTypesAsTheUnit() {
        Map<String, Row> e = evidence(new ListRuleSettings(ListRuleSettings.Combine.OR, ListRuleSettings.Unit.TYPE, 2, 3, 1.5));
        assertTrue(e.get("2022A").<Boolean>getAs("computed_on"), "ВПР and ОГЭ are two types");
        assertFalse(e.get("2022G").<Boolean>getAs("computed_on"), "two ВПР assessments are one type");
        assertEquals(List.of("ВПР"), e.get("2022G").getList(e.get("2022G").fieldIndex("units")));
    }

    @Test
    void membershipTakesTheOfficialListWhereItExistsAndTheComputedOneOtherwise() {
        var schools = SparkTestSession.schools("A|a|m", "B|b|m", "C|c|m", "D|d|m", "E|e|m", "F|f|m", "G|g|m", "H|h|m");
        // An official list for 2022 only; results for 2021 and 2022 give computed lists for 2022 and 2023.
        var official = SparkTestSession.officialList("2022:D", "2022:H");
        Dataset<Row> markers = Frames.markers(RESULTS);
        Dataset<Row> years = markers.select("year").distinct();
        Dataset<Row> membership = ListMembership.of(schools, official, ComputedList.evidence(markers, ListRuleSettings.defaults()), years);
        Map<String, Row> m = new HashMap<>();
        for (Row r : membership.collectAsList()) {
            m.put(r.<Integer>getAs("list_year") + r.<String>getAs("school_id"), r);
        }
        assertEquals(8 * 2, m.size(), "every school in every list year (2022 official, 2023 computed)");
        assertEquals(ListMembership.OFFICIAL, m.get("2022D").getAs("source"));
        assertTrue(m.get("2022D").<Boolean>getAs("on_list"));
        assertEquals("НОР", m.get("2022D").getAs("reasons"));
        assertFalse(m.get("2022A").<Boolean>getAs("on_list"), "not on the official list of 2022");
        assertEquals(ListMembership.COMPUTED, m.get("2023A").getAs("source"));
        assertTrue(m.get("2023A").<Boolean>getAs("on_list"));
        assertEquals(ComputedList.TWO_PROCEDURES, m.get("2023A").getAs("rule"));
        assertEquals("ВПР 5 математика;ОГЭ 9 математика", m.get("2023A").getAs("procedures"));
        assertEquals(ComputedList.MODERATE, m.get("2023A").getAs("severity"));
        assertEquals(2022, (int) m.get("2023A").getAs("results_year"));
        assertFalse(m.get("2023D").<Boolean>getAs("on_list"), "one marker");
        assertEquals("ВПР 5 математика", m.get("2023D").getAs("procedures"), "the marked procedure is shown anyway");
        assertNull(m.get("2023D").getAs("severity"), "severity only for schools on the list");
        assertFalse(m.get("2023H").<Boolean>getAs("on_list"), "no results: never on the computed list");

        List<Row> agreement = ListMembership.agreement(membership, years).orderBy("school_id").collectAsList();
        // 2022 has both: official D, H; computed from 2021 results: nobody (B and C have one marker each in 2021).
        assertEquals(2, agreement.size());
        assertEquals("D", agreement.get(0).getAs("school_id"));
        assertTrue(agreement.get(0).<Boolean>getAs("official"));
        assertFalse(agreement.get(0).<Boolean>getAs("computed"));
    }

    @Test
    void theFirstComputedListYearCannotApplyRuleB() {
        // issue 11, item 7: results of 2022 and 2023 → computed lists 2023 and 2024; the 2023 list would need 2021.
        Dataset<Row> markers = Frames.markers("2022|A|ВПР|5|математика|10|3", "2023|A|ВПР|5|математика|10|3");
        Dataset<Row> membership = ListMembership.of(SparkTestSession.schools("A|a|m"), SparkTestSession.officialList(),
                ComputedList.evidence(markers, ListRuleSettings.defaults()), markers.select("year").distinct());
        Map<Integer, Row> byYear = new HashMap<>();
        membership.collectAsList().forEach(r -> byYear.put(r.getAs("list_year"), r));
        assertTrue(byYear.get(2023).<Boolean>getAs("rule_b_undecided"));
        assertFalse(byYear.get(2023).<Boolean>getAs("on_list"), "one marker; rule (b) cannot be checked");
        assertFalse(byYear.get(2024).<Boolean>getAs("rule_b_undecided"));
        assertTrue(byYear.get(2024).<Boolean>getAs("on_list"), "the same procedure marked in 2022 and 2023");
    }

    @Test
    void severityOnlyWhereMarkersDecideIt() {
        // issue 11, item 8: on the official list with judged results and no marker: no «умеренно», a note instead.
        Dataset<Row> markers = Frames.markers("2023|A|ВПР|5|математика|10|0", "2023|B|ВПР|5|математика|10|3",
                "2023|B|ВПР|6|математика|10|3");
        Dataset<Row> membership = ListMembership.of(SparkTestSession.schools("A|a|m", "B|b|m", "C|c|m"),
                SparkTestSession.officialList("2024:A", "2024:B", "2024:C"),
                ComputedList.evidence(markers, ListRuleSettings.defaults()), markers.select("year").distinct());
        Map<String, Row> bySchool = new HashMap<>();
        membership.collectAsList().forEach(r -> bySchool.put(r.getAs("school_id"), r));
        for (String school : List.of("A", "C")) {
            assertNull(bySchool.get(school).getAs("severity"), school);
            assertEquals(ListMembership.NOTE_OFFICIAL_NO_MARKERS, bySchool.get(school).getAs("severity_note"), school);
        }
        assertEquals(ComputedList.MODERATE, bySchool.get("B").getAs("severity"));
        assertNull(bySchool.get("B").getAs("severity_note"));
    }
}
