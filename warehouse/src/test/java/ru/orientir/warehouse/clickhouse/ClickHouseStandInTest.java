package ru.orientir.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.orientir.warehouse.ClickHouseSqlOnChdbTest.assertSameTable;
import static ru.orientir.warehouse.ClickHouseSqlOnChdbTest.row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.data_formats.ClickHouseBinaryFormatReader;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;

import ru.orientir.warehouse.ClickHouseSqlOnChdbTest;
import ru.orientir.warehouse.ClickHouseSqlOnChdbTest.Table;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;
import ru.orientir.warehouse.chdb.Chdb;
import ru.orientir.warehouse.duckdb.DuckDbWarehouse;

/**
 * Orientir's Java clients (JDBC jdbc-v2, client-v2, Flyway) against the server {@link ClickHouseTestServer} finds —
 * here, without Docker, the chDB stand-in of ClickHouse's HTTP interface — and the stand-in's own Python tests
 * (clickhouse-connect, SQLAlchemy). The Java tests hold on a real server too: they check what a server does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClickHouseStandInTest {
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    private static final String TRICKY = "Школа «№ 1», 'кавычки' \"двойные\" и обратная \\ черта";

    @TempDir
    Path tmp;

    private ClickHouseTestServer server;
    private WarehouseSettings settings;
    private String database;

    @BeforeEach
    void requireServer() throws SQLException {
        if (server == null) {
            server = ClickHouseTestServer.require();
            settings = server.freshDatabase("standin_test");
            database = ClickHouseWarehouse.Endpoint.parse(settings.jdbcUrl()).database();
        }
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        if (server != null && settings != null) {
            server.dropDatabase(settings);
        }
    }

    private Client client() {
        return new Client.Builder()
                .addEndpoint(server.httpUrl())
                .setUsername(server.user() == null ? "default" : server.user())
                .setPassword(server.password() == null ? "" : server.password())
                .setDefaultDatabase(database)
                .build();
    }

    @Test
    void jdbcRoundTripsValuesAndReportsUpdateCounts() throws Exception {
        Instant at = Instant.parse("2024-02-29T23:59:58.789Z");
        try (Connection c = ClickHouseTestServer.connect(settings); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE jdbc_values (
                        id Int32, big Int64, name String, note Nullable(String), score Float64, ok Bool,
                        at DateTime64(3, 'UTC'), tags Array(String), marks Array(Int32)
                    ) ENGINE = MergeTree ORDER BY id""");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO jdbc_values VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int id = 1; id <= 3; id++) {
                    ps.setInt(1, id);
                    ps.setLong(2, 9_000_000_000L + id);
                    ps.setString(3, id == 1 ? TRICKY : "школа " + id);
                    ps.setString(4, id == 2 ? null : "примечание " + id);
                    ps.setDouble(5, id + 0.25);
                    ps.setBoolean(6, id % 2 == 1);
                    ps.setTimestamp(7, Timestamp.from(at.plusSeconds(id)), (Calendar) UTC.clone());
                    ps.setArray(8, c.createArrayOf("String", new Object[] {"ВПР", "a'b", "c\\d"}));
                    ps.setArray(9, c.createArrayOf("Int32", new Object[] {id, -id}));
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                assertEquals(3, counts.length, "one count per batched row");
                assertEquals(3, java.util.Arrays.stream(counts).sum(), "the batch wrote three rows");
            }
            assertEquals(3, s.executeUpdate("INSERT INTO jdbc_values SELECT id + 10, big, name, note, score, ok, at, "
                    + "tags, marks FROM jdbc_values"), "INSERT … SELECT reports the rows written");

            try (PreparedStatement ps = c.prepareStatement("SELECT id, big, name, note, score, ok, at, tags, marks, "
                    + "toString(at) FROM jdbc_values WHERE (name = ? OR id = ?) AND id < 10 ORDER BY id")) {
                ps.setString(1, TRICKY);
                ps.setInt(2, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt("id"));
                    assertEquals(9_000_000_001L, rs.getLong("big"));
                    assertEquals(TRICKY, rs.getString("name"));
                    assertEquals("примечание 1", rs.getString("note"));
                    assertEquals(1.25, rs.getDouble("score"));
                    assertTrue(rs.getBoolean("ok"));
                    assertEquals(at.plusSeconds(1), rs.getTimestamp("at", (Calendar) UTC.clone()).toInstant());
                    assertEquals("2024-02-29 23:59:59.789", rs.getString(10), "stored as UTC wall-clock time");
                    Array tags = rs.getArray("tags");
                    assertArrayEquals(new Object[] {"ВПР", "a'b", "c\\d"}, (Object[]) tags.getArray());
                    assertEquals(List.of(1L, -1L), longs(rs.getArray("marks")));

                    assertTrue(rs.next());
                    assertEquals(2, rs.getInt("id"));
                    assertNull(rs.getString("note"));
                    assertFalse(rs.getBoolean("ok"));
                    assertFalse(rs.next());
                }
            }
            // What the driver's DatabaseMetaData reads from the system tables.
            try (ResultSet rs = c.getMetaData().getTables(null, database, "jdbc_values", null)) {
                assertTrue(rs.next(), "getTables finds the table");
                assertEquals("jdbc_values", rs.getString("TABLE_NAME"));
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, database, "jdbc_values", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
            assertEquals(List.of("id", "big", "name", "note", "score", "ok", "at", "tags", "marks"), columns);
            try (ResultSet rs = s.executeQuery("SELECT count(), countIf(note IS NULL) FROM jdbc_values")) {
                assertTrue(rs.next());
                assertEquals(6, rs.getLong(1));
                assertEquals(2, rs.getLong(2));
            }
        }
    }

    private static List<Long> longs(Array array) throws SQLException {
        List<Long> values = new ArrayList<>();
        Object raw = array.getArray();
        if (raw instanceof int[] ints) {
            for (int i : ints) {
                values.add((long) i);
            }
        } else {
            for (Object o : (Object[]) raw) {
                values.add(((Number) o).longValue());
            }
        }
        return values;
    }

    @Test
    void clientV2InsertsRowBinaryCsvAndParquetAndQueriesParquetAndRowBinaryWithNamesAndTypes() throws Exception {
        try (Connection c = ClickHouseTestServer.connect(settings); Statement s = c.createStatement(); Client client = client()) {
            s.execute("CREATE TABLE v2_rows (id UInt32, name String, score Nullable(Float64)) ENGINE = MergeTree ORDER BY id");
            s.execute("CREATE TABLE v2_copy AS v2_rows");

            ByteArrayOutputStream rowBinary = new ByteArrayOutputStream();
            rowBinaryRow(rowBinary, 1, TRICKY, 4.5);
            rowBinaryRow(rowBinary, 10, "", null);   // 10 is '\n' in its first byte: binary data must not be trimmed
            try (InsertResponse r = client.insert("v2_rows", new ByteArrayInputStream(rowBinary.toByteArray()),
                    ClickHouseFormat.RowBinary, new InsertSettings()).get(1, TimeUnit.MINUTES)) {
                assertEquals(2, r.getWrittenRows());
            }
            byte[] csv = "3,\"Арзамас, \"\"центр\"\"\",\\N\n".getBytes(StandardCharsets.UTF_8);
            try (InsertResponse r = client.insert("v2_rows", new ByteArrayInputStream(csv), ClickHouseFormat.CSV,
                    new InsertSettings()).get(1, TimeUnit.MINUTES)) {
                assertEquals(1, r.getWrittenRows());
            }

            // Parquet out of the server, checked by DuckDB, then back into another table.
            Path parquet = tmp.resolve("v2_rows.parquet");
            QuerySettings asParquet = new QuerySettings().setFormat(ClickHouseFormat.Parquet)
                    .serverSetting("output_format_parquet_string_as_string", "1");
            try (QueryResponse response = client.query("SELECT id, name, score FROM v2_rows ORDER BY id", asParquet)
                    .get(1, TimeUnit.MINUTES); InputStream in = response.getInputStream()) {
                Files.write(parquet, in.readAllBytes());
            }
            Table expected = new Table(List.of("id", "name", "score"), List.of(
                    row(1L, TRICKY, 4.5), row(3L, "Арзамас, \"центр\"", null), row(10L, "", null)));
            try (DuckDbWarehouse duck = new DuckDbWarehouse(new WarehouseSettings("jdbc:duckdb:", null, null));
                 Connection d = duck.connection()) {
                assertSameTable("Parquet written by the server", expected, ClickHouseSqlOnChdbTest.readParquet(d, parquet));
            }
            try (InputStream in = Files.newInputStream(parquet);
                 InsertResponse r = client.insert("v2_copy", in, ClickHouseFormat.Parquet, new InsertSettings())
                         .get(1, TimeUnit.MINUTES)) {
                assertEquals(3, r.getWrittenRows());
            }
            assertSameTable("the Parquet copy", expected,
                    ClickHouseSqlOnChdbTest.read(s.executeQuery("SELECT id, name, score FROM v2_copy ORDER BY id")));

            // RowBinaryWithNamesAndTypes (the client's own default), with a server-side query parameter.
            QuerySettings binary = new QuerySettings().setFormat(ClickHouseFormat.RowBinaryWithNamesAndTypes);
            try (QueryResponse response = client.query("SELECT id, name, score FROM v2_copy WHERE id < {limit:UInt32} "
                    + "ORDER BY id", Map.of("limit", 5), binary).get(1, TimeUnit.MINUTES)) {
                ClickHouseBinaryFormatReader reader = client.newBinaryFormatReader(response);
                List<String> names = new ArrayList<>();
                while (reader.hasNext()) {
                    reader.next();
                    names.add(reader.getLong("id") + ":" + reader.getString("name")
                            + (reader.hasValue("score") ? ":" + reader.getDouble("score") : ""));
                }
                assertEquals(List.of("1:" + TRICKY + ":4.5", "3:Арзамас, \"центр\""), names);
            }
        }
    }

    /** Each way client-v2 can compress: ClickHouse's own framing (LZ4, ZSTD) or HTTP Content-Encoding; header auth. */
    @Test
    void clientV2CompressionsAndAuthenticationHeadersWork() throws Exception {
        try (Connection c = ClickHouseTestServer.connect(settings); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE v2_compressed (variant String, n UInt32, text String) ENGINE = MergeTree ORDER BY n");
        }
        Map<String, java.util.function.UnaryOperator<Client.Builder>> variants = new java.util.LinkedHashMap<>();
        variants.put("lz4-blocks", b -> b.compressClientRequest(true).compressServerResponse(true));
        variants.put("zstd-blocks", b -> b.compressClientRequest(true).compressServerResponse(true)
                .compressionMethod(com.clickhouse.client.api.CompressionMethod.ZSTD));
        variants.put("http-lz4", b -> b.useHttpCompression(true).compressClientRequest(true).compressServerResponse(true));
        variants.put("plain-headers", b -> b.compressServerResponse(false).useHTTPBasicAuth(false));
        StringBuilder csv = new StringBuilder();
        for (int n = 0; n < 5000; n++) {
            csv.append(n).append(",\"строка ").append(n).append(" «текст», \"\"повтор\"\"\"\n");
        }
        for (var v : variants.entrySet()) {
            Client.Builder builder = new Client.Builder().addEndpoint(server.httpUrl()).setUsername(server.user())
                    .setPassword(server.password()).setDefaultDatabase(database);
            try (Client client = v.getValue().apply(builder).build()) {
                byte[] body = csv.toString().replaceAll("(?m)^", v.getKey() + ",").getBytes(StandardCharsets.UTF_8);
                try (InsertResponse r = client.insert("v2_compressed", new ByteArrayInputStream(body), ClickHouseFormat.CSV,
                        new InsertSettings()).get(1, TimeUnit.MINUTES)) {
                    assertEquals(5000, r.getWrittenRows(), v.getKey());
                }
                assertEquals("5000\t12497500\tстрока 4999 «текст», \"повтор\"", single(client,
                        "SELECT count(), sum(n), argMax(text, n) FROM v2_compressed WHERE variant = '" + v.getKey() + "'",
                        new QuerySettings()).replace("\\t", "\t"), v.getKey());
            }
        }
    }

    private static void rowBinaryRow(ByteArrayOutputStream out, int id, String name, Double score) {
        for (int i = 0; i < 4; i++) {
            out.write((id >>> (8 * i)) & 0xFF);
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        do {   // LEB128 length
            int b = n & 0x7F;
            n >>>= 7;
            out.write(n == 0 ? b : b | 0x80);
        } while (n != 0);
        out.write(bytes, 0, bytes.length);
        if (score == null) {
            out.write(1);
        } else {
            out.write(0);
            long bits = Double.doubleToLongBits(score);
            for (int i = 0; i < 8; i++) {
                out.write((int) (bits >>> (8 * i)) & 0xFF);
            }
        }
    }

    @Test
    void errorsCarryClickHouseCodesAndMessages() throws Exception {
        try (Connection c = ClickHouseTestServer.connect(settings); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT no_such_column FROM system.one"));
            assertTrue(e.getMessage().contains("Code: 47") && e.getMessage().contains("UNKNOWN_IDENTIFIER")
                    && e.getMessage().contains("no_such_column"), e.getMessage());
            SQLException missing = assertThrows(SQLException.class, () -> s.execute("DROP TABLE no_such_table"));
            assertTrue(missing.getMessage().contains("Code: 60") && missing.getMessage().contains("UNKNOWN_TABLE"),
                    missing.getMessage());
        }
        try (Client client = client()) {
            Exception e = assertThrows(Exception.class,
                    () -> client.query("SELECT throwIf(1, 'отказ «по правилу»')").get(1, TimeUnit.MINUTES));
            ServerException server = assertInstanceOfServerException(e);
            assertEquals(395, server.getCode(), server.getMessage());
            assertTrue(server.getMessage().contains("отказ «по правилу»"), server.getMessage());
        }
    }

    private static ServerException assertInstanceOfServerException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServerException s) {
                return s;
            }
        }
        throw new AssertionError("not a ClickHouse server error", e);
    }

    @Test
    void aWrongPasswordIsRefused() {
        WarehouseSettings wrong = new WarehouseSettings(server.jdbcUrl(), server.user(), "not-" + server.password());
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = ClickHouseTestServer.connect(wrong); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
            }
        });
        assertTrue(messages(e).contains("516") && messages(e).contains("Authentication failed"), messages(e));

        try (Client client = new Client.Builder().addEndpoint(server.httpUrl()).setUsername(server.user())
                .setPassword("not-" + server.password()).build()) {
            Exception failed = assertThrows(Exception.class,
                    () -> client.query("SELECT 1").get(1, TimeUnit.MINUTES));
            assertEquals(516, assertInstanceOfServerException(failed).getCode());
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    @Test
    void urlSettingsApplyToOneRequestOnly() throws Exception {
        try (Client client = client()) {
            String before = single(client, "SELECT getSetting('max_result_rows')", new QuerySettings());
            assertNotEquals("12345", before);
            assertEquals("12345", single(client, "SELECT getSetting('max_result_rows')",
                    new QuerySettings().serverSetting("max_result_rows", "12345")));
            assertEquals(before, single(client, "SELECT getSetting('max_result_rows')", new QuerySettings()));
            assertEquals("Asia/Yekaterinburg", single(client, "SELECT timezone()",
                    new QuerySettings().serverSetting("session_timezone", "Asia/Yekaterinburg")));
            assertEquals("UTC", single(client, "SELECT timezone()", new QuerySettings()).replace("Etc/", ""));
        }
    }

    private static String single(Client client, String sql, QuerySettings settings) throws Exception {
        try (QueryResponse response = client.query(sql, settings.setFormat(ClickHouseFormat.TabSeparated))
                .get(1, TimeUnit.MINUTES); InputStream in = response.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void flywayMigratesAFreshDatabaseOnceThenAppliesNothing() throws Exception {
        WarehouseSettings fresh = server.freshDatabase("standin_flyway");
        try (Warehouse w = Warehouse.open(fresh)) {
            long migrations = Chdb.clickHouseMigrationCount();
            assertEquals(migrations, w.migrate(), "a fresh database takes every migration");
            assertEquals(0, w.migrate(), "migrating again applies nothing");
        } finally {
            server.dropDatabase(fresh);
        }
    }

    /** The stand-in's own tests: clickhouse-connect and SQLAlchemy (what Superset uses) against a stand-in they start. */
    @Test
    void theStandInsPythonTestsPass() throws Exception {
        Chdb.require();   // skips (or fails under CI) without chdb, as the other chDB tests do
        Path root = ClickHouseTestServer.repositoryRoot();
        String python = System.getenv("ORIENTIR_PYTHON");
        python = python == null || python.isBlank() ? "python3" : python;
        Path output = tmp.resolve("pytest.out");
        ProcessBuilder pb = new ProcessBuilder(python, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "warehouse/src/test/python/test_clickhouse_standin.py")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("pytest did not finish in 10 minutes:\n" + Files.readString(output));
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "python3 -m pytest warehouse/src/test/python/test_clickhouse_standin.py:\n" + out);
        System.err.println("stand-in Python tests: " + out.strip().lines().reduce((a, b) -> b).orElse(""));
    }
}
