package ru.orientir.dashboards.superset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ru.orientir.dashboards.datasets.Dataset;
import ru.orientir.dashboards.datasets.MartDatasets;
import ru.orientir.warehouse.chdb.Chdb;
import ru.orientir.warehouse.clickhouse.ClickHouseTestServer;

/**
 * On ClickHouse, Superset reads as the read-only user of docker/clickhouse/init/reader-grants.sql.in, and a view is read
 * with the reader's own rights, so the reader needs every relation a dataset reads, and every table behind each view it
 * reads. The grants must be exactly that (plus every mart, for SQL Lab), computed here from the datasets and from the
 * views ClickHouse itself holds after the migrations (chDB): a dataset that starts reading a new table, or a grant nobody
 * needs, fails this test. chDB has no access control, so the grants are enforced only by a real server.
 */
class ReaderGrantsCoverDashboardsTest {
    private static final Pattern GRANT = Pattern.compile("GRANT SELECT ON \\{database}\\.([a-z_0-9]+) TO \\{reader};");
    private static final Pattern READS = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+(?:[a-z_0-9]+\\.)?([a-z_][a-z_0-9]*)");
    private static final Pattern CTE = Pattern.compile("(?i)\\b([a-z_][a-z_0-9]*)\\s+AS\\s*\\(");

    @Test
    void theReaderMayReadExactlyWhatTheDashboardsReadAndEveryMart() throws Exception {
        String template = Files.readString(ClickHouseTestServer.repositoryRoot()
                .resolve("docker/clickhouse/init/reader-grants.sql.in"), StandardCharsets.UTF_8);
        Set<String> granted = new TreeSet<>();
        Matcher m = GRANT.matcher(template);
        while (m.find()) {
            granted.add(m.group(1));
        }

        Map<String, String> views = new HashMap<>();
        Chdb.Result rows = Chdb.require().run(Chdb.clickHouseMigrations(), List.of(), Map.of("views",
                "SELECT name, create_table_query FROM system.tables WHERE database = currentDatabase() AND engine = 'View'"))
                .get("views");
        for (List<Object> row : rows.rows()) {
            views.put((String) row.get(0), (String) row.get(1));
        }
        assertTrue(views.containsKey("school_status"), "the marts are views on ClickHouse: " + views.keySet());

        Set<String> expected = new TreeSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        for (Dataset d : MartDatasets.provisioned()) {
            toVisit.add(d.table());
            if (d.view()) {
                assertTrue(views.containsKey(d.table()), "the migrations create the view " + d.table());
            }
        }
        // every mart, whether a dashboard reads it or not: analysts query them in SQL Lab
        views.keySet().stream().filter(v -> views.containsKey(v) && views.get(v).contains("__runs")).forEach(toVisit::add);
        while (!toVisit.isEmpty()) {
            String relation = toVisit.pop();
            if (expected.add(relation) && views.containsKey(relation)) {
                toVisit.addAll(reads(views.get(relation)));
            }
        }
        assertTrue(expected.contains("meta_publication"), "the marts' views follow the publication pointer: " + expected);
        assertEquals(expected, granted, "the reader's grants: what the dashboards read, the tables behind the views, "
                + "and every mart");
    }

    /** The relations a query reads: every name after FROM or JOIN that is not one of its own WITH parts. */
    static Set<String> reads(String sql) {
        Set<String> ctes = new TreeSet<>();
        Matcher c = CTE.matcher(sql);
        while (c.find()) {
            ctes.add(c.group(1).toLowerCase());
        }
        Set<String> read = new TreeSet<>();
        Matcher m = READS.matcher(sql);
        while (m.find()) {
            String name = m.group(1).toLowerCase();
            if (!ctes.contains(name) && !name.equals("select")) {
                read.add(name);
            }
        }
        return read;
    }
}
