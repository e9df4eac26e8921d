package ru.orientir.etl.analytics.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.AnalyticsSettings;
import ru.orientir.etl.analytics.Frames;
import ru.orientir.etl.analytics.SparkTestSession;
import ru.orientir.etl.analytics.lists.ListMembership;
import ru.orientir.etl.analytics.lists.ListTransitions;

/** docs/methodology.md §4, cluster 4 (risk zone) and «без рисков» / «нет данных», beside clusters 1–3. */
class RiskZoneTest {

    @Test
    void clusterFourFromTheResultsOfTheYearBeforeTheListYear() {
        var schools = SparkTestSession.schools("A|a|m", "B|b|m", "C|c|m", "D|d|m", "E|e|m", "F|f|m", "G|g|m", "H|h|m");
        // Official lists 2022 and 2023; A on both, H left in 2023.
        var official = SparkTestSession.officialList("2022:A", "2023:A", "2022:H");
        Dataset<Row> markers = Frames.markers(
                "2022|B|ВПР|5|математика|10|3",                                    // one marker → risk zone
                "2022|C|ВПР|5|математика|20|5",                                    // 25 %: exactly 5 p.p. below → risk zone
                "2022|D|ВПР|5|математика|20|4",                                    // 20 %: clean → без рисков
                "2020|E|ОГЭ|9|математика|10|0", "2021|E|ОГЭ|9|математика|10|1",
                "2022|E|ОГЭ|9|математика|10|2",                                    // 0 → 10 → 20 %: worsening two years
                "2020|F|ВПР|5|математика|10|0", "2021|F|ВПР|5|математика|10|1",
                "2022|F|ВПР|5|математика|10|2",                                    // the same rise, not mandatory → без рисков
                "2022|G|ВПР|5|математика|4|4",                                     // too few participants → нет данных
                "2022|H|ВПР|5|математика|10|5");                                   // left the list: cluster 1 wins
        AnalyticsSettings defaults = AnalyticsSettings.defaults();
        Dataset<Row> status = SupportClusters.assign(
                ListTransitions.schoolHistory(ListMembership.fromOfficialList(schools, official)),
                RiskZone.of(markers, defaults.clusters(), defaults.mandatory()));
        Map<String, Row> rows = new HashMap<>();
        for (Row r : status.filter("list_year = 2023").collectAsList()) {
            rows.put(r.getAs("school_id"), r);
        }
        assertEquals(3, (int) rows.get("A").getAs("cluster"));
        assertEquals(4, (int) rows.get("B").getAs("cluster"));
        assertEquals("маркер: ВПР 5 математика", rows.get("B").getAs("cluster_reason"));
        assertEquals(4, (int) rows.get("C").getAs("cluster"), "a share exactly 5 p.p. below the threshold");
        assertTrue(rows.get("C").<String>getAs("cluster_reason").startsWith("близко к порогу: ВПР 5 математика (25,0 %"),
                rows.get("C").<String>getAs("cluster_reason"));
        assertNull(rows.get("D").getAs("cluster"));
        assertEquals(SupportClusters.NO_RISK, rows.get("D").getAs("cluster_name"));
        assertEquals(4, (int) rows.get("E").getAs("cluster"), "worsening two years in a mandatory procedure");
        assertTrue(rows.get("E").<String>getAs("cluster_reason").contains("рост доли «2» 2 г. подряд: ОГЭ 9 математика"));
        assertEquals(SupportClusters.NO_RISK, rows.get("F").getAs("cluster_name"), "the trend rule reads mandatory procedures only");
        assertEquals(SupportClusters.NO_DATA, rows.get("G").getAs("cluster_name"), "nothing judged: cannot decide");
        assertEquals(1, (int) rows.get("H").getAs("cluster"));
        assertNull(rows.get("H").getAs("cluster_reason"));
    }

    @Test
    void aTrendNeedsConsecutiveYears() {
        var schools = SparkTestSession.schools("E|e|m");
        var official = SparkTestSession.officialList("2022:X", "2023:X");
        Dataset<Row> markers = Frames.markers("2019|E|ОГЭ|9|математика|10|0", "2021|E|ОГЭ|9|математика|10|1",
                "2022|E|ОГЭ|9|математика|10|2");
        AnalyticsSettings defaults = AnalyticsSettings.defaults();
        Row e = SupportClusters.assign(ListTransitions.schoolHistory(ListMembership.fromOfficialList(schools, official)),
                        RiskZone.of(markers, defaults.clusters(), defaults.mandatory()))
                .filter("list_year = 2023").collectAsList().get(0);
        assertEquals(SupportClusters.NO_RISK, e.getAs("cluster_name"), "2020 is missing: no two-year trend");
    }
}
