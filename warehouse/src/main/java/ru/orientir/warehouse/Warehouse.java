package ru.orientir.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import ru.orientir.warehouse.clickhouse.ClickHouseWarehouse;
import ru.orientir.warehouse.duckdb.DuckDbWarehouse;

/**
 * The warehouse, on whichever engine the JDBC URL names. Staging goes out as Parquet written by the engine's own
 * writer; marts come back as Parquet and are swapped in atomically.
 */
public interface Warehouse extends AutoCloseable {

    static Warehouse open(WarehouseSettings settings) {
        return switch (settings.engine()) {
            case DUCKDB -> new DuckDbWarehouse(settings);
            case CLICKHOUSE -> new ClickHouseWarehouse(settings);
        };
    }

    Engine engine();

    /** A new connection; the caller closes it. */
    Connection connection() throws SQLException;

    /** Applies the engine's Flyway migrations ({@code db/migration/<engine>}); returns how many were applied. */
    int migrate();

    /** Runs a SELECT and writes its result to one Parquet file with the engine's own writer. */
    void exportParquet(String selectSql, Path file);

    /**
     * Replaces the named marts with the given files' contents. Readers see either the previous publication or this
     * one for each mart (on DuckDB for all marts together, in one transaction; on ClickHouse per mart, through
     * EXCHANGE TABLES). The tables keep their migrated definitions.
     */
    void publish(List<MartFiles> marts);

    @Override
    void close();
}
