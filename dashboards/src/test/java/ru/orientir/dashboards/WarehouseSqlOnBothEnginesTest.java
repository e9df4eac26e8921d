package ru.orientir.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ru.orientir.dashboards.datasets.Dataset;
import ru.orientir.dashboards.datasets.MartDatasets;
import ru.orientir.dashboards.report.BriefQuery;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;
import ru.orientir.warehouse.clickhouse.ClickHouseTestServer;

/**
 * Every SQL statement the dashboards module sends to the warehouse (the brief's queries) and every presentation view
 * the dashboards' datasets read (migrated on both engines from one file) runs on DuckDB and on ClickHouse (a server,
 * or the chDB stand-in) over the migrated schema, and gives the same column names on both: the code reads columns by
 * name, and ClickHouse names a qualified column {@code s.x} when another joined table also has an {@code x} unless it
 * is aliased.
 */
class WarehouseSqlOnBothEnginesTest {

    @Test
    void everyStatementRunsOnBothEnginesWithTheSameColumnNames() throws Exception {
        Map<String, String> statements = new LinkedHashMap<>();
        for (String name : reportQueries()) {
            // Parameters become NULL: this checks that the statement runs and what it names its columns.
            statements.put("report/" + name, load(name).replace("?", "NULL"));
        }
        for (Dataset d : MartDatasets.provisioned()) {
            if (d.view()) {
                // the presentation view as migrated on each engine, columns in the order the view gives them
                statements.put("view " + d.table(), "SELECT * FROM " + d.table());
            }
        }
        assertTrue(statements.size() >= 15, "statements found: " + statements.keySet());

        ClickHouseTestServer server = ClickHouseTestServer.require();
        WarehouseSettings clickHouse = server.freshDatabase("orientir_dashboards_sql");
        List<String> differences = new ArrayList<>();
        try (Warehouse duck = Warehouse.open(new WarehouseSettings("jdbc:duckdb:", null, null));
             Warehouse ch = Warehouse.open(clickHouse)) {
            duck.migrate();
            ch.migrate();
            try (Connection d = duck.connection(); Connection c = ch.connection()) {
                for (var e : statements.entrySet()) {
                    List<String> onDuck = columns(d, e.getValue(), "DuckDB", e.getKey());
                    List<String> onClickHouse = columns(c, e.getValue(), "ClickHouse", e.getKey());
                    if (!onDuck.equals(onClickHouse)) {
                        differences.add(e.getKey() + ": DuckDB " + onDuck + ", ClickHouse " + onClickHouse);
                    }
                }
            }
        } finally {
            server.dropDatabase(clickHouse);
        }
        assertEquals(List.of(), differences, "column names differ between the engines");
    }

    private static List<String> columns(Connection c, String sql, String engine, String what) {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnLabel(i));
            }
        } catch (SQLException e) {
            throw new AssertionError(what + " does not run on " + engine + ": " + e.getMessage(), e);
        }
        return names;
    }

    private static List<String> reportQueries() throws IOException, URISyntaxException {
        Path folder = Path.of(BriefQuery.class.getResource("membership.sql").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }

    private static String load(String name) throws IOException {
        try (InputStream in = BriefQuery.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.strip().startsWith("--")).reduce((a, b) -> a + "\n" + b).orElseThrow();
        }
    }
}
