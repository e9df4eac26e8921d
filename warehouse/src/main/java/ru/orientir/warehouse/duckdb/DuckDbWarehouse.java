package ru.orientir.warehouse.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import org.duckdb.DuckDBConnection;

import ru.orientir.warehouse.Engine;
import ru.orientir.warehouse.MartFiles;
import ru.orientir.warehouse.Migrations;
import ru.orientir.warehouse.SimpleDataSource;
import ru.orientir.warehouse.SqlResource;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseException;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * The embedded warehouse: one DuckDB file, opened once per process. Every connection handed out is a duplicate of
 * the root connection, because DuckDB allows one writer process per file.
 */
public final class DuckDbWarehouse implements Warehouse {
    private final DuckDBConnection root;
    private final String location;

    public DuckDbWarehouse(WarehouseSettings settings) {
        this.location = settings.jdbcUrl().substring("jdbc:duckdb:".length());
        try {
            if (!location.isEmpty() && !location.startsWith(":memory:")) {
                Path parent = Path.of(location).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
            this.root = (DuckDBConnection) DriverManager.getConnection(settings.jdbcUrl(), new Properties());
        } catch (SQLException e) {
            String hint = e.getMessage() != null && e.getMessage().contains("lock")
                    ? " (another Orientir process is using this warehouse file; wait for it to finish)" : "";
            throw new WarehouseException("Cannot open the DuckDB warehouse " + location + hint + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WarehouseException("Cannot create the folder for the DuckDB warehouse " + location, e);
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
            throw new WarehouseException("Exporting to Parquet " + file + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(List<MartFiles> marts) {
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
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("Publishing marts failed (the previous publication stays in place): "
                    + e.getMessage(), e);
        }
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
            throw new WarehouseException("Closing the DuckDB warehouse " + location + " failed", e);
        }
    }
}
