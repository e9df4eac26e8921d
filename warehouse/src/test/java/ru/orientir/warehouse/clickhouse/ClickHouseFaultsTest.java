package ru.orientir.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.warehouse.ClickHouseSqlOnChdbTest;
import ru.orientir.warehouse.MartFiles;
import ru.orientir.warehouse.TableRows;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseException;
import ru.orientir.warehouse.WarehouseSettings;
import ru.orientir.warehouse.duckdb.DuckDbWarehouse;

/**
 * ClickHouse under faults: a publication that fails between two marts leaves every mart on the previous run; a server
 * that is down or refuses the credentials gives a Russian message naming the URL and the purpose, never the password;
 * bulk rows written through client-v2 come back as written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClickHouseFaultsTest {
    @TempDir
    Path tmp;

    private ClickHouseTestServer server;
    private WarehouseSettings settings;

    @BeforeAll
    void database() throws SQLException {
        server = ClickHouseTestServer.require();
        settings = server.freshDatabase("orientir_faults");
    }

    @AfterAll
    void drop() throws SQLException {
        if (server != null && settings != null) {
            server.dropDatabase(settings);
        }
    }

    @Test
    void aFailureBetweenTwoMartsLeavesEveryMartOnThePreviousRun() throws Exception {
        try (DuckDbWarehouse duck = new DuckDbWarehouse(new WarehouseSettings("jdbc:duckdb:", null, null));
             Warehouse w = Warehouse.open(settings)) {
            w.migrate();
            MartFiles membership1 = parquet(duck, "m1", "list_membership",
                    "SELECT 'run-1' AS run_id, 2024 AS list_year, 'S1' AS school_id, true AS on_list, 'official' AS source");
            MartFiles transitions1 = parquet(duck, "t1", "list_transitions", "SELECT 'run-1' AS run_id, 'region' AS level, "
                    + "2024 AS list_year, 3 AS schools, 1 AS on_list, 0.3333::DOUBLE AS share_on_list");
            w.publish("run-1", List.of(membership1, transitions1));
            assertEquals("run-1", w.publishedRun());

            // The second run: its membership loads, then its transitions file is damaged.
            MartFiles membership2 = parquet(duck, "m2", "list_membership",
                    "SELECT 'run-2' AS run_id, 2025 AS list_year, 'S2' AS school_id, false AS on_list, 'computed' AS source");
            Path damaged = Files.writeString(tmp.resolve("damaged.parquet"), "PAR1 это не Parquet");
            WarehouseException e = assertThrows(WarehouseException.class, () -> w.publish("run-2",
                    List.of(membership2, new MartFiles("list_transitions", List.of(damaged)))));
            assertTrue(e.getMessage().startsWith("Публикация витрин запуска run-2 не выполнена"), e.getMessage());
            assertTrue(e.getMessage().contains("Прежняя публикация осталась на месте"), e.getMessage());
            assertFalse(server.password().isEmpty() || e.getMessage().contains(server.password()), "no password in messages");

            assertEquals("run-1", w.publishedRun(), "the pointer did not move");
            try (Connection c = w.connection()) {
                assertEquals(List.of(List.of("run-1", "S1")),
                        ClickHouseSqlOnChdbTest.query(c, "SELECT run_id, school_id FROM list_membership").rows(),
                        "the mart that did load is not visible: readers see the previous run");
                assertEquals("[[run-1, 3]]",
                        ClickHouseSqlOnChdbTest.query(c, "SELECT run_id, schools FROM list_transitions").rows().toString());
                assertEquals(List.of(List.of("run-1")), ClickHouseSqlOnChdbTest.query(c,
                        "SELECT DISTINCT run_id FROM list_membership__runs").rows(), "the failed run's rows were dropped");
            }

            // A later attempt of the same run publishes all of it.
            MartFiles transitions2 = parquet(duck, "t2", "list_transitions", "SELECT 'run-2' AS run_id, 'region' AS level, "
                    + "2025 AS list_year, 4 AS schools, 0 AS on_list, 0.0::DOUBLE AS share_on_list");
            w.publish("run-2", List.of(membership2, transitions2));
            assertEquals("run-2", w.publishedRun());
            try (Connection c = w.connection()) {
                assertEquals(List.of(List.of("run-2", "S2")),
                        ClickHouseSqlOnChdbTest.query(c, "SELECT run_id, school_id FROM list_membership").rows());
                assertEquals("[[run-2, 4]]",
                        ClickHouseSqlOnChdbTest.query(c, "SELECT run_id, schools FROM list_transitions").rows().toString());
                assertEquals(List.of(List.of("run-2")), ClickHouseSqlOnChdbTest.query(c,
                        "SELECT DISTINCT run_id FROM list_membership__runs").rows(), "the older run's partition was dropped");
                // A mart this publication did not name keeps its rows, as on DuckDB.
                assertEquals(List.of(), ClickHouseSqlOnChdbTest.query(c, "SELECT * FROM school_status").rows());
            }
        }
    }

    @Test
    void theDashboardsReaderReadsTheMartsAndWritesNothing() throws Exception {
        try (Warehouse w = Warehouse.open(settings)) {
            w.migrate();
        }
        ClickHouseTestServer.Reader reader = server.readerFor(settings);
        WarehouseSettings asReader = new WarehouseSettings(settings.jdbcUrl(), reader.user(), reader.password());
        try (Connection c = ClickHouseTestServer.connect(asReader)) {
            ClickHouseSqlOnChdbTest.query(c, "SELECT count() FROM list_membership");
            ClickHouseSqlOnChdbTest.query(c, "SELECT count() FROM school_status");
            SQLException write = assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO meta_publication (run_id, published_at) VALUES ('forged', now64(3))");
                }
            });
            int code = ClickHouseErrors.code(write);
            assertTrue(code == 164 || code == 497, "refused as read-only (164) or without the grant (497): " + write);
            if (!ClickHouseTestServer.KIND_STAND_IN.equals(server.kind())) {
                // Only a server enforces grants: staging is not the reader's to see.
                SQLException staging = assertThrows(SQLException.class,
                        () -> ClickHouseSqlOnChdbTest.query(c, "SELECT count() FROM stg_schools"));
                assertEquals(497, ClickHouseErrors.code(staging), staging.toString());
            } else {
                System.err.println("ClickHouseFaultsTest: grants per table are enforced only by a ClickHouse server; "
                        + "the chDB stand-in checks read-only access (ReaderGrantsTest checks the grant list)");
            }
        }
    }

    @Test
    void bulkRowsRoundTripThroughRowBinary() throws Exception {
        try (Warehouse w = Warehouse.open(settings)) {
            w.migrate();
            String raw = "S1,«Школа» \"№1\",\\N,Кто'то\\";
            w.insertRows(List.of(
                    new TableRows("stg_schools", List.of("load_id", "line", "school_id", "name", "municipality", "extra_json"),
                            List.of(new Object[] {"L-rb", 2L, "S1", "«Школа» \"№1\"", "Кто'то\\", "{}"},
                                    new Object[] {"L-rb", 3L, "S2", "Школа ё", "Арзамас", "{\"тип\": \"сельская\"}"})),
                    new TableRows("meta_quarantine", List.of("load_id", "file", "line", "field", "reason", "raw"),
                            List.<Object[]>of(new Object[] {"L-rb", "schools.csv", 4L, null, "пустая строка", raw}))));
            try (Connection c = w.connection()) {
                assertEquals(List.of(List.of(2L, "S1", "«Школа» \"№1\"", "Кто'то\\"), List.of(3L, "S2", "Школа ё", "Арзамас")),
                        ClickHouseSqlOnChdbTest.query(c, "SELECT line, school_id, name, municipality FROM stg_schools "
                                + "WHERE load_id = 'L-rb' ORDER BY line").rows().stream()
                                .map(r -> List.<Object>of(((Number) r.get(0)).longValue(), r.get(1), r.get(2), r.get(3))).toList());
                List<List<Object>> q = ClickHouseSqlOnChdbTest.query(c,
                        "SELECT field, reason, raw FROM meta_quarantine WHERE load_id = 'L-rb'").rows();
                assertEquals(1, q.size());
                assertEquals(null, q.get(0).get(0));
                assertEquals("пустая строка", q.get(0).get(1));
                assertEquals(raw, q.get(0).get(2));
            }
        }
    }

    @Test
    void aServerThatIsDownIsNamedWithoutThePassword() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String secret = "s3cret-" + port;
        WarehouseSettings down = new WarehouseSettings("jdbc:clickhouse://127.0.0.1:" + port + "/orientir", "owner", secret);
        try (Warehouse w = Warehouse.open(down)) {
            WarehouseException e = assertThrows(WarehouseException.class, w::migrate);
            assertTrue(e.getMessage().startsWith("Хранилище недоступно: ClickHouse http://127.0.0.1:" + port + "/orientir"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("применение миграций схемы"), e.getMessage());
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    @Test
    void refusedCredentialsAreSaidSoWithoutThePassword() {
        String wrong = "wrong-" + System.nanoTime();
        WarehouseSettings refused = new WarehouseSettings(settings.jdbcUrl(), settings.user(), wrong);
        try (Warehouse w = Warehouse.open(refused)) {
            WarehouseException e = assertThrows(WarehouseException.class, w::migrate);
            assertTrue(e.getMessage().contains("не принял учётные данные"), e.getMessage());
            assertTrue(e.getMessage().contains("ORIENTIR_WAREHOUSE_PASSWORD"), e.getMessage());
            assertFalse(e.getMessage().contains(wrong), e.getMessage());
        }
    }

    @Test
    void aRejectedStatementNamesItsPurposeAndClickHousesCode() throws Exception {
        try (Warehouse w = Warehouse.open(settings)) {
            w.migrate();
            WarehouseException e = assertThrows(WarehouseException.class, () -> w.insertRows(List.of(new TableRows(
                    "stg_schools", List.of("load_id", "no_such_column"), List.<Object[]>of(new Object[] {"L", "x"})))));
            assertTrue(e.getMessage().contains("нет столбца «no_such_column»"), e.getMessage());

            WarehouseException sql = assertThrows(WarehouseException.class, () -> w.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT no_such_function(1)");
                }
            }));
            assertTrue(sql.getMessage().contains("отклонил запрос: запись в хранилище (код ошибки ClickHouse 46)"),
                    sql.getMessage());
        }
    }

    private MartFiles parquet(DuckDbWarehouse duck, String name, String table, String select) throws SQLException {
        Path file = tmp.resolve(name + ".parquet");
        try (Connection c = duck.connection(); Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
        }
        return new MartFiles(table, List.of(file));
    }
}
