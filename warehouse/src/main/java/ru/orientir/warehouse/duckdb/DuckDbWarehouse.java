package ru.orientir.warehouse.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import ru.orientir.warehouse.Engine;
import ru.orientir.warehouse.MartFiles;
import ru.orientir.warehouse.Migrations;
import ru.orientir.warehouse.Publication;
import ru.orientir.warehouse.SimpleDataSource;
import ru.orientir.warehouse.SqlWork;
import ru.orientir.warehouse.SqlResource;
import ru.orientir.warehouse.TableRows;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseBusyException;
import ru.orientir.warehouse.WarehouseException;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * The embedded warehouse: one DuckDB file, opened once per process. Every connection handed out is a duplicate of
 * the root connection, because DuckDB allows one writer process per file.
 */
public final class DuckDbWarehouse implements Warehouse {
    private final DuckDBConnection root;
    private final String location;
    private final Map<String, Map<String, String>> tableTypes = new ConcurrentHashMap<>();
    /** Where {@link EngineCsvLoad} writes its temporary files: beside the warehouse file, or the system's temp folder. */
    private final Path loadFolder;
    static final String CHECKPOINT_THRESHOLD = "64MB";

    public DuckDbWarehouse(WarehouseSettings settings) {
        this(settings, false);
    }

    /** With {@code readOnly}, the file must exist and is opened read-only (other readers may share it). */
    public DuckDbWarehouse(WarehouseSettings settings, boolean readOnly) {
        this.location = settings.jdbcUrl().substring("jdbc:duckdb:".length());
        boolean file = !location.isEmpty() && !location.startsWith(":memory:");
        try {
            if (file && readOnly && !Files.exists(Path.of(location))) {
                throw new WarehouseException("Хранилища DuckDB " + location + " ещё нет: сначала загрузите данные "
                        + "(bin/orientir run --inbox ПАПКА или bin/orientir demo) или проверьте ORIENTIR_HOME и "
                        + "ORIENTIR_WAREHOUSE_URL.");
            }
            if (file) {
                Path parent = Path.of(location).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
            Properties properties = new Properties();
            if (readOnly) {
                properties.setProperty("duckdb.read_only", "true");
            }
            if (!readOnly) {
                // a load commits a chunk at a time; at DuckDB's default (16 MB of WAL) a large file is checkpointed
                // every few chunks, each time recompressing the table's last row groups
                properties.setProperty("checkpoint_threshold", CHECKPOINT_THRESHOLD);
            }
            this.root = (DuckDBConnection) DriverManager.getConnection(settings.jdbcUrl(), properties);
            this.loadFolder = file ? Path.of(location + ".load").toAbsolutePath()
                    : Path.of(System.getProperty("java.io.tmpdir"), "orientir-load");
            if (file && !readOnly) {
                clearLoadFolder(loadFolder);
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("lock")) {
                throw new WarehouseBusyException("Хранилище DuckDB " + location + " занято другим процессом Ориентира "
                        + "(запуск, выгрузка, справка или Superset). Дождитесь его завершения и повторите.\nПодробности: "
                        + e.getMessage(), e);
            }
            throw new WarehouseException("Не удалось открыть хранилище DuckDB " + location + ". Проверьте путь в "
                    + "ORIENTIR_WAREHOUSE_URL (warehouse.url) и права на файл.\nПодробности: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WarehouseException("Не удалось создать папку для хранилища DuckDB " + location
                    + ". Проверьте права на папку ORIENTIR_HOME.\nПодробности: " + e.getMessage(), e);
        }
    }

    /** Files a killed load left behind; only the one writer process of the file opens it writable. */
    private static void clearLoadFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
    }

    @Override
    public Engine engine() {
        return Engine.DUCKDB;
    }

    @Override
    public Connection connection() throws SQLException {
        return root.duplicate();
    }

    @Override
    public int migrate() {
        return Migrations.apply(new SimpleDataSource(this::connection), Engine.DUCKDB);
    }

    @Override
    public void exportParquet(String selectSql, Path file) {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            s.execute("COPY (" + selectSql + ") TO " + quote(file) + " (FORMAT parquet)");
        } catch (SQLException | IOException e) {
            throw new WarehouseException("Не удалось выгрузить снимок в Parquet " + file + " из DuckDB " + location
                    + ".\nПодробности: " + e.getMessage(), e);
        }
    }

    @Override
    public void insertRows(List<TableRows> tables) {
        inTransaction(c -> {
            DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
            for (TableRows rows : tables) {
                if (rows.rows().isEmpty()) {
                    continue;
                }
                if (rows.rows().size() >= EngineCsvLoad.MIN_ROWS) {
                    EngineCsvLoad.insert(c, rows, columnTypes(c, rows.table()), loadFolder);
                } else if (rows.columns().equals(List.copyOf(columnTypes(c, rows.table()).keySet()))) {
                    append(duck, rows);
                } else {
                    insertInBatch(c, rows);
                }
            }
        });
    }

    /** The bulk path: DuckDB's appender, tens of times faster than row inserts; it fills every column in order. */
    private static void append(DuckDBConnection c, TableRows rows) throws SQLException {
        try (DuckDBAppender appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, rows.table())) {
            for (Object[] row : rows.rows()) {
                appender.beginRow();
                for (Object v : row) {
                    appendValue(appender, v);
                }
                appender.endRow();
            }
        }
    }

    private static void appendValue(DuckDBAppender appender, Object v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else if (v instanceof String s) {
            appender.append(s);
        } else if (v instanceof Integer i) {
            appender.append(i.intValue());
        } else if (v instanceof Long l) {
            appender.append(l.longValue());
        } else if (v instanceof Double d) {
            appender.append(d.doubleValue());
        } else if (v instanceof Boolean b) {
            appender.append(b.booleanValue());
        } else {
            throw new SQLException("Unsupported value type " + v.getClass().getName());
        }
    }

    private static void insertInBatch(Connection c, TableRows rows) throws SQLException {
        String sql = "INSERT INTO " + rows.table() + " (" + String.join(", ", rows.columns()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(rows.columns().size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows.rows()) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The table's columns in order, each with its type; read from the catalogue once per table. */
    private Map<String, String> columnTypes(Connection c, String table) throws SQLException {
        Map<String, String> known = tableTypes.get(table);
        if (known != null) {
            return known;
        }
        Map<String, String> types = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        Map<String, String> read = java.util.Collections.unmodifiableMap(types);
        tableTypes.put(table, read);
        return read;
    }

    @Override
    public void inTransaction(SqlWork work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("Запись в хранилище DuckDB " + location + " не выполнена, изменения отменены: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void publish(String runId, List<MartFiles> marts) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                for (MartFiles mart : marts) {
                    execute(c, SqlResource.forTable("sql/duckdb/publish-replace.sql", mart.table()));
                    String insert = SqlResource.forTable("sql/duckdb/publish-insert.sql", mart.table()).get(0);
                    for (Path file : mart.parquetFiles()) {
                        try (PreparedStatement ps = c.prepareStatement(insert)) {
                            ps.setString(1, file.toAbsolutePath().toString());
                            ps.execute();
                        }
                    }
                }
                Publication.movePointer(c, runId);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("Публикация витрин запуска " + runId + " в DuckDB " + location + " не выполнена; "
                    + "остаётся прежняя публикация.\nПодробности: " + e.getMessage(), e);
        }
    }

    @Override
    public String publishedRun() {
        return Publication.publishedRun((Warehouse) this);
    }

    private static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String quote(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new WarehouseException("Не удалось закрыть хранилище DuckDB " + location + ".\nПодробности: "
                    + e.getMessage(), e);
        }
    }
}
