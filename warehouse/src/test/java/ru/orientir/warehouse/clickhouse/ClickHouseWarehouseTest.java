package ru.orientir.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.orientir.warehouse.ClickHouseSqlOnChdbTest.assertSameTable;
import static ru.orientir.warehouse.ClickHouseSqlOnChdbTest.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.warehouse.ClickHouseSqlOnChdbTest;
import ru.orientir.warehouse.ClickHouseSqlOnChdbTest.Table;
import ru.orientir.warehouse.MartFiles;
import ru.orientir.warehouse.SchemaParityTest;
import ru.orientir.warehouse.SqlResource;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;
import ru.orientir.warehouse.chdb.Chdb;
import ru.orientir.warehouse.duckdb.DuckDbWarehouse;

/**
 * {@link ClickHouseWarehouse} against the ClickHouse server {@link ClickHouseTestServer} finds: a server you name, a
 * Testcontainers server, or the chDB stand-in of ClickHouse's HTTP interface. Everything runs in a fresh database that is
 * dropped afterwards, so a shared server is not touched: Flyway migrations (twice: idempotent), a JDBC round trip of
 * DateTime64 values, the staging snapshot exported with {@code FORMAT Parquet}, and two publications of Parquet marts
 * through client-v2, compared value by value with DuckDB publishing the same files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClickHouseWarehouseTest {
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    @TempDir
    Path tmp;

    private ClickHouseTestServer server;
    private WarehouseSettings settings;

    @BeforeEach
    void requireServer() throws SQLException {
        if (server == null) {
            server = ClickHouseTestServer.require();
            settings = server.freshDatabase("orientir_test");
        }
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        if (server != null && settings != null) {
            server.dropDatabase(settings);
        }
    }

    @Test
    @Order(1)
    void migrationsApplyOnceAndMatchTheDuckDbSchema() throws Exception {
        long migrations = Chdb.clickHouseMigrationCount();
        try (Warehouse w = Warehouse.open(settings)) {
            assertEquals(migrations, w.migrate(), "a fresh database takes every migration");
            assertEquals(0, w.migrate(), "migrating again applies nothing");

            Map<String, Chdb.Relation> raw = new LinkedHashMap<>();
            try (Connection c = w.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT c.table, t.engine, c.name, c.type
                         FROM system.columns c JOIN system.tables t ON t.database = c.database AND t.name = c.table
                         WHERE c.database = currentDatabase() AND c.table <> 'flyway_schema_history'
                         ORDER BY c.table, c.position""")) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String kind = "View".equals(rs.getString(2)) ? "view" : "table";
                    Chdb.Relation r = raw.getOrDefault(table, new Chdb.Relation(kind, List.of()));
                    List<Chdb.Column> columns = new ArrayList<>(r.columns());
                    columns.add(new Chdb.Column(rs.getString(3), rs.getString(4)));
                    raw.put(table, new Chdb.Relation(kind, columns));
                }
            }
            List<String> differences = SchemaParityTest.differences(SchemaParityTest.duckDbSchema(),
                    SchemaParityTest.clickHouseSchema(raw));
            assertTrue(differences.isEmpty(), "the server's schema differs from DuckDB's:\n  " + String.join("\n  ", differences));
        }
    }

    @Test
    @Order(2)
    void timestampsRoundTripAndTheSnapshotExportsAsParquet() throws Exception {
        Instant finished = Instant.parse("2024-02-10T09:00:05.123Z");
        try (Warehouse w = Warehouse.open(settings)) {
            w.migrate();
            try (Connection c = w.connection()) {
                insertLoad(c, "L-old", "2024-01-10T09:00:05Z", "loaded");
                insertLoad(c, "L-new", finished.toString(), "loaded");
                insertLoad(c, "L-fail", "2024-03-10T09:00:01Z", "failed");
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO stg_schools (load_id, line, school_id, name, municipality, extra_json) VALUES (?, ?, ?, ?, ?, ?)")) {
                    Object[][] rows = {
                            {"L-old", 2L, "S001", "Старое название", "Арзамас", "{}"},
                            {"L-new", 2L, "S001", "МБОУ «СОШ № 1», \"Лицей\"", "Нижний Новгород", "{\"тип\": \"городская\"}"},
                            {"L-new", 3L, "S002", "Школа №2", "Арзамас", "{}"},
                            {"L-fail", 2L, "S003", "Частично загруженная", "Саров", "{}"}};
                    for (Object[] r : rows) {
                        for (int i = 0; i < r.length; i++) {
                            ps.setObject(i + 1, r[i]);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }

                // DateTime64(3, 'UTC') written from a java.sql.Timestamp comes back as the same instant.
                try (PreparedStatement ps = c.prepareStatement("SELECT finished_at, toString(finished_at), "
                        + "toUnixTimestamp64Milli(finished_at) FROM meta_load WHERE load_id = ?")) {
                    ps.setString(1, "L-new");
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals("2024-02-10 09:00:05.123", rs.getString(2), "stored as UTC wall-clock time");
                        assertEquals(finished.toEpochMilli(), rs.getLong(3));
                        assertEquals(finished, rs.getTimestamp(1, (Calendar) UTC.clone()).toInstant());
                    }
                }
            }

            Path file = tmp.resolve("snapshot/schools.parquet");
            w.exportParquet(SqlResource.load("sql/snapshot/schools.sql"), file);
            try (DuckDbWarehouse duck = new DuckDbWarehouse(new WarehouseSettings("jdbc:duckdb:", null, null));
                 Connection d = duck.connection()) {
                Table expected = new Table(List.of("school_id", "name", "municipality", "extra_json", "opened", "closed",
                        "closed_source", "in_reference", "region"), List.of(
                        row("S001", "МБОУ «СОШ № 1», \"Лицей\"", "Нижний Новгород", "{\"тип\": \"городская\"}", null, null,
                                null, true, ""),
                        row("S002", "Школа №2", "Арзамас", "{}", null, null, null, true, "")));
                assertSameTable("the schools snapshot written by ClickHouse", expected,
                        ClickHouseSqlOnChdbTest.readParquet(d, file));
                assertEquals(List.of("school_id VARCHAR", "name VARCHAR", "municipality VARCHAR", "extra_json VARCHAR",
                                "opened INTEGER", "closed INTEGER", "closed_source VARCHAR", "in_reference BOOLEAN",
                                "region VARCHAR"),
                        ClickHouseSqlOnChdbTest.parquetTypes(d, file), "strings must leave ClickHouse as Parquet strings");
            }
        }
    }

    private static void insertLoad(Connection c, String loadId, String finishedAt, String status) throws SQLException {
        Timestamp finished = Timestamp.from(Instant.parse(finishedAt));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta_load (load_id, run_id, file, kind, "
                + "content_sha256, started_at, finished_at, rows_read, rows_loaded, rows_quarantined, status, message) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, loadId);
            ps.setString(2, "R-" + loadId);
            ps.setString(3, "schools.csv");
            ps.setString(4, "schools");
            ps.setString(5, "sha-" + loadId);
            ps.setTimestamp(6, new Timestamp(finished.getTime() - 5_000), (Calendar) UTC.clone());
            ps.setTimestamp(7, finished, (Calendar) UTC.clone());
            ps.setLong(8, 2);
            ps.setLong(9, 2);
            ps.setLong(10, 0);
            ps.setString(11, status);
            ps.setString(12, "failed".equals(status) ? "Ошибка чтения" : null);
            ps.executeUpdate();
        }
    }

    @Test
    @Order(3)
    void publishingTwiceReplacesTheMartsAsOnDuckDb() throws Exception {
        // The exports of the three marts this test publishes; the other exports read tables it leaves empty.
        Map<String, String> exports = new LinkedHashMap<>(ClickHouseSqlOnChdbTest.sqlFiles("sql/export"));
        exports.keySet().retainAll(List.of("list_membership", "school_status", "list_transitions"));
        assertEquals(3, exports.size(), "the exports of the published marts: " + exports.keySet());
        try (DuckDbWarehouse duck = new DuckDbWarehouse(new WarehouseSettings("jdbc:duckdb:", null, null));
             Warehouse w = Warehouse.open(settings)) {
            duck.migrate();
            w.migrate();
            List<MartFiles> first = marts(duck, "A", "run-A", """
                    ('run-A', 2023, 'S001', true, 'official', 'ВПР, ОГЭ: «низкие», "красная зона"'),
                    ('run-A', 2023, 'S002', false, NULL, NULL)""", """
                    ('run-A', 2023, 'S001', 'МБОУ «СОШ № 1», "Лицей"', 'Нижний Новгород', true, 'entered', 1, 1, 2, 'Городские'),
                    ('run-A', 2023, 'S002', 'Школа №2', 'Арзамас', false, NULL, 0, 0, NULL, '')""", """
                    ('run-A', 'region', 2023, NULL, 15, 1, NULL, NULL, NULL, NULL, NULL, 0.0667),
                    ('run-A', 'municipality', 2023, 'Арзамас', 5, 0, 0, 0, 0, 0, 1, 0.0)""");
            List<MartFiles> second = marts(duck, "B", "run-B", """
                    ('run-B', 2024, 'S003', true, 'computed', 'Социальные условия; ''ШНСУ''')""", """
                    ('run-B', 2024, 'S003', 'Основная школа', 'Саров', true, 'first_time', 1, 1, 1, 'Сельские')""", """
                    ('run-B', 'region', 2024, NULL, 16, 1, 1, 1, 0, 0, 1, 0.0625)""");

            w.publish("run-A", first);
            duck.publish("run-A", first);
            Map<String, Table> afterFirst = compareExports(w, duck, exports, "after the first publication");
            assertSameTable("list_transitions after the first publication",
                    new Table(afterFirst.get("list_transitions").columns(), List.of(
                            // marts written without a region (before issue 16) publish as the one region, ''
                            row("region", 2023, null, 15, 1, null, null, null, null, null, 0.0667, null, ""),
                            row("municipality", 2023, "Арзамас", 5, 0, 0, 0, 0, 0, 1, 0.0, null, ""))),
                    afterFirst.get("list_transitions"));

            w.publish("run-B", second);
            duck.publish("run-B", second);
            Map<String, Table> afterSecond = compareExports(w, duck, exports, "after the second publication");
            assertSameTable("list_membership after the second publication",
                    new Table(afterSecond.get("list_membership").columns(), List.of(
                            row(2024, "S003", true, "computed", "Социальные условия; 'ШНСУ'", null, null, null, null, ""))),
                    afterSecond.get("list_membership"));

            try (Connection c = w.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count() FROM system.tables WHERE database = currentDatabase() "
                         + "AND endsWith(name, '__next')")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getLong(1), "no __next table is left behind");
            }
            try (Connection c = w.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DISTINCT run_id FROM list_membership")) {
                List<String> runs = new ArrayList<>();
                while (rs.next()) {
                    runs.add(rs.getString(1));
                }
                assertEquals(List.of("run-B"), runs, "the second publication replaced the first");
            }
        }
    }

    private Map<String, Table> compareExports(Warehouse w, DuckDbWarehouse duck, Map<String, String> exports, String when)
            throws SQLException {
        Map<String, Table> onServer = new LinkedHashMap<>();
        try (Connection c = w.connection(); Connection d = duck.connection()) {
            for (var e : exports.entrySet()) {
                Table server;
                Table embedded;
                try (PreparedStatement ps = c.prepareStatement(e.getValue())) {
                    server = ClickHouseSqlOnChdbTest.read(ps.executeQuery());
                }
                try (PreparedStatement ps = d.prepareStatement(e.getValue())) {
                    embedded = ClickHouseSqlOnChdbTest.read(ps.executeQuery());
                }
                assertFalse(embedded.rows().isEmpty(), "export " + e.getKey() + " " + when + " is empty on DuckDB");
                assertSameTable("export " + e.getKey() + " " + when + ": ClickHouse server vs DuckDB", embedded, server);
                onServer.put(e.getKey(), server);
            }
        }
        return onServer;
    }

    /** The three marts of one run, written as Parquet by DuckDB from typed VALUES rows. */
    private List<MartFiles> marts(DuckDbWarehouse duck, String name, String run, String membership, String status,
                                  String transitions) throws SQLException, IOException {
        Path dir = Files.createDirectories(tmp.resolve("marts-" + name));
        List<MartFiles> marts = new ArrayList<>();
        marts.add(parquet(duck, dir, "list_membership", membership,
                "run_id VARCHAR, list_year INTEGER, school_id VARCHAR, on_list BOOLEAN, source VARCHAR, rule VARCHAR"));
        marts.add(parquet(duck, dir, "school_status", status,
                "run_id VARCHAR, list_year INTEGER, school_id VARCHAR, school_name VARCHAR, municipality VARCHAR, "
                        + "on_list BOOLEAN, status VARCHAR, consecutive_years INTEGER, total_years INTEGER, "
                        + "cluster INTEGER, cluster_name VARCHAR"));
        marts.add(parquet(duck, dir, "list_transitions", transitions,
                "run_id VARCHAR, level VARCHAR, list_year INTEGER, municipality VARCHAR, schools INTEGER, "
                        + "on_list INTEGER, entered INTEGER, first_time INTEGER, \"returning\" INTEGER, stayed INTEGER, "
                        + "\"left\" INTEGER, share_on_list DOUBLE"));
        assertTrue(marts.stream().allMatch(m -> Files.exists(m.parquetFiles().get(0))), run);
        return marts;
    }

    private static MartFiles parquet(DuckDbWarehouse duck, Path dir, String table, String values, String columns)
            throws SQLException {
        Path file = dir.resolve(table + ".parquet");
        List<String> names = new ArrayList<>();
        List<String> casts = new ArrayList<>();
        int i = 0;
        for (String column : columns.split(",\\s*")) {
            int space = column.lastIndexOf(' ');
            String columnName = column.substring(0, space);
            names.add("c" + i);
            casts.add("CAST(c" + i + " AS " + column.substring(space + 1) + ") AS " + columnName);
            i++;
        }
        try (Connection c = duck.connection(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT " + String.join(", ", casts) + " FROM (VALUES " + values + ") AS v("
                    + String.join(", ", names) + ")) TO '" + file.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT parquet)");
        }
        return new MartFiles(table, List.of(file));
    }
}
