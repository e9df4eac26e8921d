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
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.Frames;
import ru.orientir.etl.analytics.SparkTestSession;
import ru.orientir.etl.analytics.clusters.SupportClusters;

/**
 * docs/methodology.md §3 (issue 11, items 1, 2 and 10): a school the results cannot place is «нет данных», never
 * «left»; schools open and close; consecutive years count only the list years with data.
 */
class NoDataStatusTest {
    static final StructType SCHOOLS = new StructType().add("school_id", DataTypes.StringType)
            .add("name", DataTypes.StringType).add("municipality", DataTypes.StringType)
            .add("extra_json", DataTypes.StringType).add("opened", DataTypes.IntegerType).add("closed", DataTypes.IntegerType);
    static final StructType MEMBERSHIP = new StructType().add("list_year", DataTypes.IntegerType)
            .add("school_id", DataTypes.StringType).add("on_list", DataTypes.BooleanType)
            .add("no_data_reason", DataTypes.StringType).add("open", DataTypes.BooleanType)
            .add("municipality", DataTypes.StringType);

    /**
     * The worked example: computed list years 2023–2024 from the results of 2022–2023. In 2023 (from 2022) A, S, C,
     * N and K are on the list (markers in two procedures). From 2023's results: A still has two markers; S has only
     * procedures with 4 participants; N has no results; C's last year is 2023 (closed = 2023: the snapshot gives the
     * years a school operates, both included); K is clean (it left); O opened in 2024.
     */
    private static Map<String, Row> workedExample(Dataset<Row> schools) {
        String[] twoMarkers = {"ВПР|5|математика|10|4", "ОГЭ|9|математика|10|4"};
        List<String> rows = new java.util.ArrayList<>();
        for (String school : List.of("A", "S", "C", "N", "K")) {
            for (String p : twoMarkers) {
                rows.add("2022|" + school + "|" + p);
            }
        }
        rows.add("2023|A|ВПР|5|математика|10|4");
        rows.add("2023|A|ОГЭ|9|математика|10|4");
        rows.add("2023|S|ВПР|5|математика|4|4");
        rows.add("2023|S|ОГЭ|9|математика|3|3");
        rows.add("2023|C|ВПР|5|математика|10|4");
        rows.add("2023|C|ОГЭ|9|математика|10|4");
        rows.add("2023|K|ВПР|5|математика|10|0");
        rows.add("2023|K|ОГЭ|9|математика|10|0");
        Dataset<Row> markers = Frames.markers(rows.toArray(String[]::new));
        Dataset<Row> evidence = ComputedList.evidence(markers, ListRuleSettings.defaults());
        Dataset<Row> resultYears = markers.select("year").distinct();
        Dataset<Row> membership = ListMembership.of(schools, SparkTestSession.officialList(), evidence, resultYears);
        Dataset<Row> history = SupportClusters.assign(ListTransitions.schoolHistory(membership)
                .join(schools.select("school_id", "municipality"), "school_id"));
        Map<String, Row> out = new HashMap<>();
        for (Row r : history.collectAsList()) {
            out.put(r.<String>getAs("school_id") + r.<Integer>getAs("list_year"), r);
        }
        for (Row r : ListTransitions.counts(history).filter("level = 'region'").collectAsList()) {
            out.put("region" + r.<Integer>getAs("list_year"), r);
        }
        return out;
    }

    private static Dataset<Row> schools() {
        return SparkTestSession.get().createDataFrame(List.of(
                RowFactory.create("A", "a", "Север", "{}", null, null),
                RowFactory.create("S", "s", "Север", "{}", null, null),
                RowFactory.create("C", "c", "Север", "{}", 1990, 2023),
                RowFactory.create("N", "n", "Юг", "{}", null, null),
                RowFactory.create("K", "k", "Юг", "{}", null, null),
                RowFactory.create("O", "o", "Юг", "{}", 2024, null)), SCHOOLS);
    }

    @Test
    void noJudgedResultsIsNoDataNeverLeft() {
        Map<String, Row> h = workedExample(schools());
        assertEquals(ListTransitions.STAYED, h.get("A2024").getAs("status"));
        assertEquals(ListTransitions.LEFT, h.get("K2024").getAs("status"), "clean results: it left");
        assertEquals(1, (int) h.get("K2024").getAs("cluster"));
        for (String school : List.of("S", "N", "C")) {
            Row r = h.get(school + "2024");
            assertEquals(ListTransitions.NO_DATA, r.getAs("status"), school);
            assertFalse(r.<Boolean>getAs("on_list"), school);
            assertNull(r.getAs("cluster"), school + ": never cluster 1");
            assertEquals(SupportClusters.NO_DATA, r.getAs("cluster_name"), school);
        }
        assertEquals(ListMembership.REASON_TOO_FEW, h.get("S2024").getAs("no_data_reason"));
        assertEquals(ListMembership.REASON_NO_RESULTS, h.get("N2024").getAs("no_data_reason"));
        assertEquals(ListMembership.REASON_CLOSED, h.get("C2024").getAs("no_data_reason"),
                "closed after 2023, even with 2023 results that would keep it on the list");
    }

    @Test
    void transitionsCountNoDataApartAndDenominatorsCountOpenSchools() {
        Map<String, Row> h = workedExample(schools());
        Row y2024 = h.get("region2024");
        assertEquals(4, (int) y2024.getAs("no_data"), "S, N, C and O (opened in 2024, no results of 2023)");
        assertEquals(1, (int) y2024.getAs("left"), "K only");
        assertEquals(1, (int) y2024.getAs("stayed"));
        // open in 2024: A, S, N, K and O (opened in 2024: open from its opening year); not C, whose last year is 2023
        assertEquals(5, (int) y2024.getAs("schools"));
        assertEquals(1, (int) y2024.getAs("on_list"));
        assertEquals(0.2, y2024.<Double>getAs("share_on_list"), 1e-9);
        Row y2023 = h.get("region2023");
        assertEquals(5, (int) y2023.getAs("schools"), "O not yet open in 2023; C open in its last year");
        assertEquals(ListTransitions.NO_DATA, h.get("C2024").getAs("status"));
        assertTrue(y2023.isNullAt(y2023.fieldIndex("no_data")), "no history in the first list year");
        assertNull(h.get("O2023"), "no row before the school opened");
        assertEquals(ListMembership.REASON_NO_RESULTS, h.get("O2024").getAs("no_data_reason"));
    }

    @Test
    void snapshotsWithoutOpeningAndClosingYearsStillWork() {
        Dataset<Row> old = SparkTestSession.schools("A|a|Север", "S|s|Север", "C|c|Север", "N|n|Юг", "K|k|Юг");
        Map<String, Row> h = workedExample(old);
        assertEquals(ListTransitions.STAYED, h.get("C2024").getAs("status"), "without a closing year C is open");
        assertEquals(ListTransitions.NO_DATA, h.get("N2024").getAs("status"));
    }

    @Test
    void aYearWithoutDataNeverMakesALaterYearReturning() {
        // 2021 on, 2022 no data, 2023 on: stayed (it never left); 2 consecutive years with data, 2 in total.
        // B: on 2020, off 2021, no data 2022, on 2023: returning (it was off in 2021, not because of 2022).
        Map<String, Row> h = history(
                "2020|A|false||true", "2021|A|true||true", "2022|A|false|нет результатов|true", "2023|A|true||true",
                "2020|B|true||true", "2021|B|false||true", "2022|B|false|нет результатов|true", "2023|B|true||true");
        assertEquals(ListTransitions.NO_DATA, h.get("A2022").getAs("status"));
        assertEquals(ListTransitions.STAYED, h.get("A2023").getAs("status"));
        assertEquals(2, (int) h.get("A2023").getAs("consecutive_years"));
        assertEquals(2, (int) h.get("A2023").getAs("total_years"));
        assertEquals(ListTransitions.RETURNING, h.get("B2023").getAs("status"));
        assertEquals(1, (int) h.get("B2023").getAs("consecutive_years"));
    }

    @Test
    void consecutiveYearsAcrossAGapInTheLists() {
        // On every list; 2021 has no list at all: the count starts again in 2022 and 2022 has no transitions.
        Map<String, Row> h = history("2019|A|true||true", "2020|A|true||true", "2022|A|true||true", "2023|A|true||true");
        assertEquals(2, (int) h.get("A2020").getAs("consecutive_years"));
        assertEquals(1, (int) h.get("A2022").getAs("consecutive_years"), "a year without any list breaks the count");
        assertNull(h.get("A2022").getAs("status"), "no history to compare with");
        assertEquals(2, (int) h.get("A2023").getAs("consecutive_years"));
        assertEquals(4, (int) h.get("A2023").getAs("total_years"));
        assertEquals(ListTransitions.STAYED, h.get("A2023").getAs("status"));
    }

    @Test
    void officialListYearsStillDecideMembershipButNotLeavingWithoutResults() {
        // Official lists 2023 and 2024 (results of 2022 and 2023 loaded). N was on in 2023 and is off the official list
        // of 2024, but it has no results for 2023: the list says off, the results say nothing — not «left».
        // K is off in 2024 with clean results: left. A with no markers stays on the official list: no severity, a note.
        Dataset<Row> markers = Frames.markers("2022|N|ВПР|5|математика|10|4", "2022|K|ВПР|5|математика|10|4",
                "2023|K|ВПР|5|математика|10|0", "2023|A|ВПР|5|математика|10|0");
        Dataset<Row> schools = SparkTestSession.schools("A|a|Север", "N|n|Юг", "K|k|Юг");
        Dataset<Row> official = SparkTestSession.officialList("2023:N", "2023:K", "2023:A", "2024:A");
        Dataset<Row> membership = ListMembership.of(schools, official,
                ComputedList.evidence(markers, ListRuleSettings.defaults()), markers.select("year").distinct());
        Map<String, Row> h = new HashMap<>();
        for (Row r : ListTransitions.schoolHistory(membership).collectAsList()) {
            h.put(r.<String>getAs("school_id") + r.<Integer>getAs("list_year"), r);
        }
        assertFalse(h.get("N2024").<Boolean>getAs("on_list"), "the official list decides membership");
        assertEquals(ListTransitions.NO_DATA, h.get("N2024").getAs("status"));
        assertEquals(ListTransitions.LEFT, h.get("K2024").getAs("status"));
        assertEquals(ListTransitions.STAYED, h.get("A2024").getAs("status"));
        assertNull(h.get("A2024").getAs("severity"), "no markers: no severity");
        assertEquals(ListMembership.NOTE_OFFICIAL_NO_MARKERS, h.get("A2024").getAs("severity_note"));
    }

    private static Map<String, Row> history(String... rows) {
        Dataset<Row> membership = Frames.frame(MEMBERSHIP, rows);
        Map<String, Row> out = new HashMap<>();
        for (Row r : ListTransitions.schoolHistory(membership).collectAsList()) {
            out.put(r.<String>getAs("school_id") + r.<Integer>getAs("list_year"), r);
        }
        return out;
    }
}
