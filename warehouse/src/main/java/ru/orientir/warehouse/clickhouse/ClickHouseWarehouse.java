package ru.orientir.warehouse.clickhouse;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;

import ru.orientir.warehouse.Engine;
import ru.orientir.warehouse.MartFiles;
import ru.orientir.warehouse.Migrations;
import ru.orientir.warehouse.SimpleDataSource;
import ru.orientir.warehouse.SqlResource;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseException;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * The production warehouse on a ClickHouse server. SQL and migrations go through the official JDBC driver; bulk data
 * (Parquet in and out) goes through client-v2 as a stream, never row by row.
 */
public final class ClickHouseWarehouse implements Warehouse {
    private static final long TIMEOUT_MINUTES = 60;

    private final WarehouseSettings settings;
    private final Endpoint endpoint;
    private final Client client;

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

    @Override
    public Connection connection() throws SQLException {
        Properties props = new Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        return DriverManager.getConnection(settings.jdbcUrl(), props);
    }

    @Override
    public int migrate() {
        return Migrations.apply(new SimpleDataSource(this::connection), Engine.CLICKHOUSE);
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
            throw new WarehouseException("Exporting to Parquet " + file + " from ClickHouse failed: " + rootMessage(e), e);
        }
    }

    @Override
    public void publish(List<MartFiles> marts) {
        try (Connection c = connection()) {
            for (MartFiles mart : marts) {
                execute(c, SqlResource.forTable("sql/clickhouse/publish-prepare.sql", mart.table()));
                for (Path file : mart.parquetFiles()) {
                    insertParquet(mart.table() + "__next", file);
                }
            }
            for (MartFiles mart : marts) {
                execute(c, SqlResource.forTable("sql/clickhouse/publish-swap.sql", mart.table()));
            }
        } catch (SQLException e) {
            throw new WarehouseException("Publishing marts to ClickHouse failed: " + e.getMessage(), e);
        }
    }

    private void insertParquet(String table, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            client.insert(table, in, ClickHouseFormat.Parquet, new InsertSettings())
                    .get(TIMEOUT_MINUTES, TimeUnit.MINUTES)
                    .close();
        } catch (Exception e) {
            throw new WarehouseException("Loading " + file + " into ClickHouse table " + table + " failed: "
                    + rootMessage(e), e);
        }
    }

    private static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage();
    }

    @Override
    public void close() {
        client.close();
    }
}
