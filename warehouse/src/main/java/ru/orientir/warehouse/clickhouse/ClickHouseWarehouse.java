package ru.orientir.warehouse.clickhouse;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseColumn;
import com.clickhouse.data.ClickHouseFormat;

import ru.orientir.warehouse.Engine;
import ru.orientir.warehouse.MartFiles;
import ru.orientir.warehouse.Migrations;
import ru.orientir.warehouse.Publication;
import ru.orientir.warehouse.SimpleDataSource;
import ru.orientir.warehouse.SqlResource;
import ru.orientir.warehouse.SqlWork;
import ru.orientir.warehouse.TableRows;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseException;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * The production warehouse on a ClickHouse server. SQL and migrations go through the official JDBC driver; bulk data
 * (staging rows as RowBinary, Parquet in and out) goes through client-v2 as a stream, never row by row. ClickHouse
 * has no transactions: nothing here calls {@code setAutoCommit}; publication switches all marts at once through the
 * published-run pointer (see {@link Warehouse#publish}).
 *
 * <p>With {@code warehouse.cluster} the schema is spread over a cluster as {@link ClusterDdl} describes: each table's
 * rows in a replicated {@code <table>_local} on every shard behind a Distributed {@code <table>}, the bookkeeping
 * tables and the pointer with a copy on every node. Everything reads and writes the same names as on one server;
 * inserts into Distributed tables are synchronous, and a publication is made per shard (see {@link #publish}).
 */
public final class ClickHouseWarehouse implements Warehouse {
    private static final long TIMEOUT_MINUTES = 60;
    private static final String RUNS = "__runs";
    /** The publication's statements on a cluster, per shard (see {@link #publish}). */
    static final String CLUSTER_SQL = "sql/clickhouse/cluster/";

    private final WarehouseSettings settings;
    private final Endpoint endpoint;
    private final Client client;
    private final Map<String, TableSchema> schemas = new ConcurrentHashMap<>();
    /** The cluster of warehouse.cluster, or null on a single server. */
    private final String cluster;

    /** host, port, database and protocol parsed from the JDBC URL. */
    record Endpoint(String httpUrl, String database) {
        static Endpoint parse(String jdbcUrl) {
            String rest = jdbcUrl.replaceFirst("^jdbc:(clickhouse|ch):", "");
            if (rest.startsWith("//")) {
                rest = "http:" + rest;
            }
            URI uri = URI.create(rest);
            String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
            int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(scheme) ? 8443 : 8123);
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            String database = path.isEmpty() ? "default" : path;
            return new Endpoint(scheme + "://" + uri.getHost() + ":" + port + "/", database);
        }
    }

    public ClickHouseWarehouse(WarehouseSettings settings) {
        this.settings = settings;
        this.endpoint = Endpoint.parse(settings.jdbcUrl());
        this.cluster = settings.cluster();
        this.client = new Client.Builder()
                .addEndpoint(endpoint.httpUrl())
                .setUsername(settings.user() == null ? "default" : settings.user())
                .setPassword(settings.password() == null ? "" : settings.password())
                .setDefaultDatabase(endpoint.database())
                .build();
    }

    @Override
    public Engine engine() {
        return Engine.CLICKHOUSE;
    }

    /** Where the warehouse is, for messages: the URL and user, never the password. */
    String where() {
        return "ClickHouse " + endpoint.httpUrl() + endpoint.database()
                + " (пользователь " + (settings.user() == null ? "default" : settings.user()) + ")";
    }

    /** The Russian description of a failure (see {@link ClickHouseErrors}), with the password never in it. */
    private String describe(String purpose, Throwable e) {
        String text = ClickHouseErrors.describe(purpose, where(), e);
        String password = settings.password();
        return password == null || password.isEmpty() ? text : text.replace(password, "***");
    }

    @Override
    public Connection connection() throws SQLException {
        Properties props = new Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        try {
            return DriverManager.getConnection(settings.jdbcUrl(), props);
        } catch (SQLException e) {
            throw new SQLException(describe("подключение к хранилищу", e), e.getSQLState(), e);
        }
    }

    @Override
    public int migrate() {
        try {
            return Migrations.apply(new SimpleDataSource(this::connection), Engine.CLICKHOUSE, cluster,
                    endpoint.database());
        } catch (RuntimeException e) {
            throw new WarehouseException(describe("применение миграций схемы", e), e);
        }
    }

    @Override
    public void insertRows(List<TableRows> tables) {
        for (TableRows rows : tables) {
            if (rows.rows().isEmpty()) {
                continue;
            }
            TableSchema schema = schema(rows);
            try {
                client.insert(rows.table(), rows.columns(), out -> {
                    RowBinaryFormatWriter writer = new RowBinaryFormatWriter(out, schema, ClickHouseFormat.RowBinary);
                    for (Object[] row : rows.rows()) {
                        for (int i = 0; i < row.length; i++) {
                            writer.setValue(rows.columns().get(i), row[i]);
                        }
                        writer.commitRow();
                    }
                }, ClickHouseFormat.RowBinary, insertSettings()).get(TIMEOUT_MINUTES, TimeUnit.MINUTES).close();
            } catch (Exception e) {
                throw new WarehouseException(describe("запись строк в таблицу " + rows.table(), e), e);
            }
        }
    }

    /**
     * On a cluster, an insert into a Distributed table returns once every row is on its shard (never queued on this
     * node for later): a load or publication that succeeded is readable from every node.
     */
    private InsertSettings insertSettings() {
        InsertSettings insert = new InsertSettings();
        if (cluster != null) {
            insert.serverSetting(ClusterDdl.FOREGROUND_INSERT, "1");
        }
        return insert;
    }

    /** The column types of the rows' columns, as the server declares them (read once per table and column list). */
    private TableSchema schema(TableRows rows) {
        return schemas.computeIfAbsent(rows.table() + ":" + String.join(",", rows.columns()), key -> {
            Map<String, String> types = new java.util.HashMap<>();
            try (Connection c = connection();
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = ?")) {
                ps.setString(1, rows.table());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        types.put(rs.getString(1), rs.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new WarehouseException(describe("чтение описания таблицы " + rows.table(), e), e);
            }
            List<ClickHouseColumn> columns = new ArrayList<>();
            for (String name : rows.columns()) {
                String type = types.get(name);
                if (type == null) {
                    throw new WarehouseException("В таблице " + rows.table() + " хранилища " + where() + " нет столбца «"
                            + name + "». Примените миграции (bin/orientir run делает это сам) и повторите.");
                }
                columns.add(ClickHouseColumn.of(name, type));
            }
            return new TableSchema(rows.table(), null, endpoint.database(), columns);
        });
    }

    @Override
    public void inTransaction(SqlWork work) {
        try (Connection c = connection()) {
            work.run(c);
        } catch (SQLException e) {
            throw new WarehouseException(describe("запись в хранилище", e), e);
        }
    }

    @Override
    public void exportParquet(String selectSql, Path file) {
        QuerySettings query = new QuerySettings()
                .setFormat(ClickHouseFormat.Parquet)
                .serverSetting("output_format_parquet_string_as_string", "1");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (QueryResponse response = client.query(selectSql, query).get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
                 InputStream in = response.getInputStream();
                 OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
        } catch (Exception e) {
            throw new WarehouseException(describe("выгрузка снимка в Parquet " + file.getFileName(), e), e);
        }
    }

    /**
     * One publication for all marts: the run goes into every {@code <mart>__runs} (marts not in the list carry the
     * published run's rows over, as DuckDB keeps them), then one pointer row makes it visible everywhere at once,
     * then the older runs' partitions are dropped. A failure before the pointer moves drops what this attempt loaded
     * and leaves every mart as it was.
     */
    @Override
    public void publish(String runId, List<MartFiles> marts) {
        Publication.requireRunId(runId);
        String purpose = "публикация витрин запуска " + runId;
        try (Connection c = connection()) {
            Set<String> all = martTables(c);
            for (MartFiles mart : marts) {
                if (!all.contains(mart.table())) {
                    throw new WarehouseException("Витрины " + mart.table() + " нет в хранилище " + where()
                            + " (нет таблицы " + mart.table() + RUNS + "). Примените миграции и повторите.");
                }
            }
            String previous = Publication.publishedRun(c);
            if (!runId.equals(previous)) {
                try {
                    load(c, runId, previous, all, marts);
                    if (cluster != null) {
                        everyReplicaHas(c, all, runId);
                    }
                } catch (SQLException | RuntimeException e) {
                    abandon(c, runId, previous, all);
                    throw e;
                }
                Publication.movePointer(c, runId);
            }
            // Readers see this run now; the older runs' partitions go (a resumed publication of the run that is
            // already published only finishes this clean-up). On a cluster, only once every node's pointer has moved.
            Set<String> keep = cluster == null ? Set.of(runId) : pointersAfterSync(c, runId);
            if (keep != null) {
                dropOtherRuns(c, all, keep);
            }
        } catch (SQLException | RuntimeException e) {
            throw new WarehouseException("Публикация витрин запуска " + runId + " не выполнена. Прежняя публикация "
                    + "осталась на месте: читатели видят витрины предыдущего запуска целиком.\n"
                    + (e instanceof WarehouseException ? e.getMessage() : describe(purpose, e)), e);
        }
    }

    /**
     * Drops every partition but the published run's. A failure here is left for the next publication, which drops
     * them again: readers never see those rows, since the views read the published run only.
     */
    private void dropOtherRuns(Connection c, Set<String> marts, Set<String> keep) {
        for (String table : marts) {
            try {
                for (String run : runsIn(c, table)) {
                    if (!keep.contains(run)) {
                        dropPartition(c, table, run);
                    }
                }
            } catch (SQLException | RuntimeException ignored) {
                // see above
            }
        }
    }

    /** Loads the run into every mart's table; nothing is visible to readers until the pointer moves. */
    private void load(Connection c, String runId, String previous, Set<String> all, List<MartFiles> marts)
            throws SQLException {
        for (String table : all) {
            dropPartition(c, table, runId);   // what an earlier, failed attempt of this run left
        }
        for (MartFiles mart : marts) {
            for (Path file : mart.parquetFiles()) {
                insertParquet(mart.table() + RUNS, file);
            }
        }
        Set<String> carried = new LinkedHashSet<>(all);
        marts.forEach(m -> carried.remove(m.table()));
        if (previous != null) {
            for (String table : carried) {
                carryOver(c, table, previous, runId);
            }
        }
        // The new files may hold this run's rows only: rows of another run would land in another partition.
        for (MartFiles mart : marts) {
            Set<String> runs = runsIn(c, mart.table());
            runs.remove(runId);
            runs.remove(previous);
            if (cluster != null) {
                Set<String> named = replicaPointers(c);
                if (named != null) {
                    runs.removeAll(named);   // a run a lagging node's pointer still names is kept, not foreign
                }
            }
            if (!runs.isEmpty()) {
                throw new WarehouseException("В файлах витрины " + mart.table() + " есть строки других запусков ("
                        + String.join(", ", runs) + "), а публикуется " + runId + ". Прежняя публикация осталась на месте.");
            }
        }
    }

    /** After a failed load: every partition but the published run's goes; readers never saw any of it. */
    private void abandon(Connection c, String runId, String previous, Set<String> all) {
        Set<String> keep = new java.util.HashSet<>();
        keep.add(previous);
        if (cluster != null) {
            // a run some node's pointer still names keeps its rows; when the pointers cannot be read, only this
            // attempt's run goes
            Set<String> named = null;
            try {
                named = replicaPointers(c);
            } catch (SQLException | RuntimeException ignored) {
                // as named == null
            }
            if (named == null) {
                for (String table : all) {
                    try {
                        dropPartition(c, table, runId);
                    } catch (SQLException | RuntimeException ignored) {
                        // the next attempt clears it
                    }
                }
                return;
            }
            keep.addAll(named);
        }
        for (String table : all) {
            try {
                for (String run : runsIn(c, table)) {
                    if (!keep.contains(run)) {
                        dropPartition(c, table, run);
                    }
                }
            } catch (SQLException | RuntimeException ignored) {
                // The pointer did not move, so readers still see the previous run; the next attempt clears the rest.
            }
        }
    }

    @Override
    public String publishedRun() {
        try (Connection c = connection()) {
            return Publication.publishedRun(c);
        } catch (SQLException e) {
            throw new WarehouseException(describe("чтение опубликованного запуска", e), e);
        }
    }

    /** The marts: every {@code <mart>__runs} table of the database, named without the suffix. */
    private static Set<String> martTables(Connection c) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(SqlResource.load("sql/clickhouse/mart-tables.sql"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                tables.add(name.substring(0, name.length() - RUNS.length()));
            }
        }
        return tables;
    }

    private void dropPartition(Connection c, String mart, String runId) throws SQLException {
        execute(c, publicationSql("publish-drop-run.sql", mart).replace("{run}", literal(runId)));
    }

    private void carryOver(Connection c, String mart, String from, String to) throws SQLException {
        execute(c, publicationSql("publish-carry-over.sql", mart).replace("{from}", literal(from)).replace("{to}", literal(to)));
    }

    /** A per-mart publication statement: the single server's, or on a cluster its per-shard twin. */
    private String publicationSql(String file, String mart) {
        return cluster == null ? SqlResource.forTable("sql/clickhouse/" + file, mart).get(0)
                : clusterSql(file, mart);
    }

    /** A statement of {@value #CLUSTER_SQL} with the cluster, database and table filled in (all checked names). */
    private String clusterSql(String file, String table) {
        return SqlResource.statements(SqlResource.load(CLUSTER_SQL + file)).get(0).replace("{cluster}", cluster)
                .replace("{database}", endpoint.database()).replace("{table}", table);
    }

    /**
     * Before the pointer moves on a cluster: every replica of every shard holds the same rows of the new run in every
     * mart. Each replica first catches up with its shard ({@code SYSTEM SYNC REPLICA}); then the rows are counted on
     * each replica. The inserts were synchronous, so each shard has its rows on one replica at least; this makes
     * sure that a reader whose query is sent to any replica finds them all. A replica that cannot be reached fails
     * the publication here, before the pointer moves: the previous publication stays, whole, on every node.
     */
    private void everyReplicaHas(Connection c, Set<String> marts, String runId) throws SQLException {
        for (String mart : marts) {
            execute(c, clusterSql("sync-replica.sql", mart + RUNS + ClusterDdl.LOCAL));
            Map<String, Set<Long>> byShard = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(clusterSql("replica-rows.sql", mart).replace("{run}", literal(runId)));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byShard.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(rs.getLong(3));
                }
            }
            for (Map.Entry<String, Set<Long>> shard : byShard.entrySet()) {
                if (shard.getValue().size() != 1) {
                    throw new WarehouseException("Реплики шарда " + shard.getKey() + " кластера " + cluster + " хранят "
                            + "разное число строк витрины " + mart + " запуска " + runId + " (" + shard.getValue()
                            + "). Проверьте репликацию (system.replicas, system.replication_queue) и повторите публикацию.");
                }
            }
        }
    }

    /**
     * After the pointer moved on a cluster: waits until every node's copy of the pointer has the new row, and returns
     * the runs the nodes' pointers name (the runs whose partitions stay), or null when some node cannot tell (a node
     * down, the pointer not replicated yet): then nothing is dropped now, and a later publication drops it.
     */
    private Set<String> pointersAfterSync(Connection c, String runId) {
        try {
            execute(c, clusterSql("sync-replica.sql", "meta_publication"));
            Set<String> named = replicaPointers(c);
            if (named != null) {
                named.add(runId);
            }
            return named;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /** The runs the pointers of all nodes name, or null when a node has none (or no answer). */
    private Set<String> replicaPointers(Connection c) throws SQLException {
        Set<String> runs = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(clusterSql("replica-pointers.sql", "meta_publication"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String run = rs.getString(3);
                if (run == null || run.isEmpty()) {
                    return null;
                }
                runs.add(run);
            }
        }
        return runs.isEmpty() ? null : runs;
    }

    /** Every run id with rows in the mart's table. */
    private Set<String> runsIn(Connection c, String mart) throws SQLException {
        Set<String> runs = new LinkedHashSet<>();
        String sql = cluster == null ? SqlResource.load("sql/clickhouse/mart-runs.sql")
                : SqlResource.load(CLUSTER_SQL + "mart-runs.sql").replace("{cluster}", cluster);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (cluster == null) {
                ps.setString(1, mart + RUNS);
            } else {
                ps.setString(1, endpoint.database());
                ps.setString(2, mart + RUNS + ClusterDdl.LOCAL);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(rs.getString(1));
                }
            }
        }
        return runs;
    }

    /** A run id as a ClickHouse string literal (run ids are checked by {@link Publication#requireRunId}). */
    private static String literal(String runId) {
        return "'" + Publication.requireRunId(runId) + "'";
    }

    private void insertParquet(String table, Path file) {
        // A null in a column that is not Nullable is an error, as in DuckDB, never silently the type's default.
        insertFile(table, file, ClickHouseFormat.Parquet, Map.of("input_format_null_as_default", "0"));
    }

    /** Streams a file of the given format into a table through client-v2 (the benchmark's yardstick uses it too). */
    public void insertFile(String table, Path file, ClickHouseFormat format, Map<String, String> serverSettings) {
        InsertSettings insert = insertSettings();
        serverSettings.forEach(insert::serverSetting);
        try (InputStream in = Files.newInputStream(file)) {
            client.insert(table, in, format, insert).get(TIMEOUT_MINUTES, TimeUnit.MINUTES).close();
        } catch (Exception e) {
            throw new WarehouseException(describe("загрузка файла " + file + " в таблицу " + table, e), e);
        }
    }

    /** The same server and credentials with another database (the benchmark works in a throwaway one). */
    public static WarehouseSettings withDatabase(WarehouseSettings settings, String database) {
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Not a database name: " + database);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^(jdbc:(?:clickhouse|ch):(?:[a-z]+:)?//[^/?#]*)(/[^?#]*)?(.*)$").matcher(settings.jdbcUrl());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a ClickHouse JDBC URL: " + settings.jdbcUrl());
        }
        return new WarehouseSettings(m.group(1) + "/" + database + m.group(3), settings.user(), settings.password(),
                settings.cluster());
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
