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
            case DUCKDB -> new DuckDbWarehouse(settings, false);
            case CLICKHOUSE -> new ClickHouseWarehouse(settings);
        };
    }

    /**
     * Opens the warehouse, waiting up to {@code wait} while another process holds it (DuckDB allows one writer, or
     * readers, per file: a nightly run waits for an export to finish rather than failing).
     */
    static Warehouse open(WarehouseSettings settings, java.time.Duration wait) {
        return waiting(() -> open(settings), wait);
    }

    /**
     * Opens the warehouse for reading only (exports, reports, status, dashboards): DuckDB read-only and without
     * migrations, so a reader never changes the file and never blocks longer than it reads. Waits up to
     * {@code wait} while a run holds the file.
     */
    static Warehouse openForReading(WarehouseSettings settings, java.time.Duration wait) {
        return waiting(() -> switch (settings.engine()) {
            case DUCKDB -> new DuckDbWarehouse(settings, true);
            case CLICKHOUSE -> new ClickHouseWarehouse(settings);
        }, wait);
    }

    private static Warehouse waiting(java.util.function.Supplier<Warehouse> opener, java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return opener.get();
            } catch (WarehouseBusyException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    Engine engine();

    /** A new connection; the caller closes it. */
    Connection connection() throws SQLException;

    /** Applies the engine's Flyway migrations ({@code db/migration/<engine>}); returns how many were applied. */
    int migrate();

    /**
     * Writes each table's rows in bulk, in order: DuckDB, all tables in one transaction, through its appender for a
     * small batch and through its own CSV reader from a temporary file for a large one (EngineCsvLoad);
     * ClickHouse through client-v2 as one {@code RowBinary} stream per table. ClickHouse has no transactions, so a
     * caller that must survive a crash between two tables makes its writes idempotent (see StagingWriter's
     * line-based cleanup).
     */
    void insertRows(List<TableRows> tables);

    /**
     * Runs the work on one connection, in one transaction where the engine has them (DuckDB). ClickHouse has none
     * (its JDBC driver refuses {@code setAutoCommit(false)}): there the statements run one by one, so the work must
     * be idempotent, ending the same when it is run again after a crash part-way.
     */
    void inTransaction(SqlWork work);

    /** Runs a SELECT and writes its result to one Parquet file with the engine's own writer. */
    void exportParquet(String selectSql, Path file);

    /**
     * Replaces the named marts with the given files' contents, all of them as one publication of {@code runId}: a
     * reader sees the previous publication or this one, never marts of two runs side by side. DuckDB does it in one
     * transaction; ClickHouse, which has none, loads the run into each mart's {@code <mart>__runs} table (partitioned
     * by run) and then moves the published-run pointer ({@code meta_publication}) in one insert; the marts are views
     * that read the run the pointer names. A failure before the pointer moves leaves every mart as it was.
     */
    void publish(String runId, List<MartFiles> marts);

    /** The run whose marts are published, or null when nothing has been published yet. */
    String publishedRun();

    @Override
    void close();
}
