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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.SparkTestSession;

/** docs/methodology.md §3 worked example (list years 2020–2022, schools A–D) and the edge cases around it. */
class ListTransitionsTest {
    private static Map<String, Row> history;
    private static Map<String, Row> counts;

    @BeforeAll
    static void workedExample() {
        Dataset<Row> schools = SparkTestSession.schools("A|Школа A|Север", "B|Школа B|Север", "C|Школа C|Юг", "D|Школа D|Юг");
        Dataset<Row> official = SparkTestSession.officialList(
                "2020:A", "2021:A", "2022:A",
                "2020:B", "2022:B",
                "2022:C",
                "2020:D", "2021:D");
        Dataset<Row> membership = ListMembership.fromOfficialList(schools, official);
        Dataset<Row> withMunicipality = ListTransitions.schoolHistory(membership)
                .join(schools.select("school_id", "municipality"), "school_id");
        history = new HashMap<>();
        for (Row r : withMunicipality.collectAsList()) {
            history.put(r.<String>getAs("school_id") + r.<Integer>getAs("list_year"), r);
        }
        counts = new HashMap<>();
        for (Row r : ListTransitions.counts(withMunicipality).collectAsList()) {
            counts.put(r.<String>getAs("level") + "/" + r.getAs("municipality") + "/" + r.<Integer>getAs("list_year"), r);
        }
    }

    private static String status(String school, int year) {
        return history.get(school + year).getAs("status");
    }

    @Test
    void statusesIn2022MatchTheWorkedExample() {
        assertEquals(ListTransitions.STAYED, status("A", 2022));
        assertEquals(ListTransitions.RETURNING, status("B", 2022));
        assertEquals(ListTransitions.FIRST_TIME, status("C", 2022));
        assertEquals(ListTransitions.LEFT, status("D", 2022));
    }

    @Test
    void consecutiveAndTotalYears() {
        assertEquals(3, (int) history.get("A2022").getAs("consecutive_years"));
        assertEquals(3, (int) history.get("A2022").getAs("total_years"));
        assertEquals(1, (int) history.get("B2022").getAs("consecutive_years"));
        assertEquals(2, (int) history.get("B2022").getAs("total_years"));
        assertEquals(0, (int) history.get("D2022").getAs("consecutive_years"));
        assertEquals(2, (int) history.get("D2022").getAs("total_years"));
        assertEquals(2, (int) history.get("D2021").getAs("consecutive_years"));
    }

    @Test
    void regionCountsIn2022MatchTheWorkedExample() {
        Row r = counts.get("region/null/2022");
        assertEquals(4, (int) r.getAs("schools"));
        assertEquals(3, (int) r.getAs("on_list"));
        assertEquals(2, (int) r.getAs("entered"));
        assertEquals(1, (int) r.getAs("first_time"));
        assertEquals(1, (int) r.getAs("returning"));
        assertEquals(1, (int) r.getAs("stayed"));
        assertEquals(1, (int) r.getAs("left"));
        assertEquals(0.75, (double) r.getAs("share_on_list"), 1e-9);
    }

    @Test
    void municipalityCountsSplitTheRegion() {
        Row north = counts.get("municipality/Север/2022");
        Row south = counts.get("municipality/Юг/2022");
        assertEquals(2, (int) north.getAs("on_list"));
        assertEquals(1, (int) north.getAs("stayed"));
        assertEquals(1, (int) north.getAs("returning"));
        assertEquals(1, (int) south.getAs("first_time"));
        assertEquals(1, (int) south.getAs("left"));
        assertEquals(0.5, (double) south.getAs("share_on_list"), 1e-9);
    }

    @Test
    void firstYearOfDataHasNoTransitions() {
        assertNull(status("A", 2020));
        assertFalse((boolean) history.get("A2020").getAs("has_history"));
        Row r = counts.get("region/null/2020");
        assertEquals(3, (int) r.getAs("on_list"));
        for (String column : List.of("entered", "first_time", "returning", "stayed", "left")) {
            assertTrue(r.isNullAt(r.fieldIndex(column)), column + " must be empty in the first year");
        }
    }

    @Test
    void schoolNeverOnIsOff() {
        assertEquals(ListTransitions.OFF, status("C", 2021));
        assertEquals(ListTransitions.LEFT, status("B", 2021));
    }

    @Test
    void aGapYearWithoutAListGivesNoTransitionsAfterIt() {
        Dataset<Row> schools = SparkTestSession.schools("A|Школа A|Север", "B|Школа B|Север");
        Dataset<Row> official = SparkTestSession.officialList("2019:A", "2021:A", "2021:B");
        Map<Integer, String> statusByYear = new HashMap<>();
        for (Row r : ListTransitions.schoolHistory(ListMembership.fromOfficialList(schools, official))
                .where("school_id = 'B'").collectAsList()) {
            statusByYear.put(r.getAs("list_year"), r.getAs("status"));
        }
        assertEquals(2, statusByYear.size(), "only years with an official list");
        assertNull(statusByYear.get(2021), "2020 has no list, so 2021 has no history to compare with");
    }
}
