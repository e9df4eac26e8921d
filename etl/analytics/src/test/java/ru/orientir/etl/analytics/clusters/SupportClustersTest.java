package ru.orientir.etl.analytics.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.SparkTestSession;
import ru.orientir.etl.analytics.lists.ListMembership;
import ru.orientir.etl.analytics.lists.ListTransitions;

/** docs/methodology.md §4 clusters 1–3 on the §3 worked example; cluster 4 is undecidable without results. */
class SupportClustersTest {

    @Test
    void workedExampleClustersIn2022() {
        var schools = SparkTestSession.schools("A|a|m", "B|b|m", "C|c|m", "D|d|m", "E|e|m");
        var official = SparkTestSession.officialList("2020:A", "2021:A", "2022:A", "2020:B", "2022:B", "2022:C",
                "2020:D", "2021:D");
        Map<String, Row> rows = new HashMap<>();
        for (Row r : SupportClusters.assign(ListTransitions.schoolHistory(ListMembership.fromOfficialList(schools, official)))
                .collectAsList()) {
            rows.put(r.<String>getAs("school_id") + r.<Integer>getAs("list_year"), r);
        }
        assertEquals(3, (int) rows.get("A2022").getAs("cluster"), "stayed → repeated");
        assertEquals(3, (int) rows.get("B2022").getAs("cluster"), "returning → repeated");
        assertEquals(2, (int) rows.get("C2022").getAs("cluster"), "first time");
        assertEquals(1, (int) rows.get("D2022").getAs("cluster"), "left → positive dynamics");
        assertEquals(SupportClusters.POSITIVE_DYNAMICS, rows.get("D2022").getAs("cluster_name"));
        Row neverOn = rows.get("E2022");
        assertTrue(neverOn.isNullAt(neverOn.fieldIndex("cluster")), "risk zone needs results");
        assertEquals(SupportClusters.NO_DATA, neverOn.getAs("cluster_name"));
        Row firstYear = rows.get("A2020");
        assertTrue(firstYear.isNullAt(firstYear.fieldIndex("cluster")), "no history in the first year of data");
    }
}
