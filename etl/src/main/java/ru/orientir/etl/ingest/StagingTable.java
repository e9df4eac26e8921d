package ru.orientir.etl.ingest;

import java.sql.Types;
import java.util.List;

/**
 * How one kind of typed row is stored in its staging table: the columns after load_id and line, their JDBC types,
 * and a row's values in that order (null for a missing value). The writer chooses the path: DuckDB's appender in
 * bulk, or JDBC batches.
 */
public interface StagingTable<T> {
    int TEXT = Types.VARCHAR;
    int INT = Types.INTEGER;
    int BIGINT = Types.BIGINT;
    int DOUBLE = Types.DOUBLE;
    int BOOL = Types.BOOLEAN;

    String table();

    /** Column name → JDBC type, in table order, after load_id and line. */
    List<Column> columns();

    Object[] values(T row);

    record Column(String name, int type) {
    }

    static Column column(String name, int type) {
        return new Column(name, type);
    }
}
