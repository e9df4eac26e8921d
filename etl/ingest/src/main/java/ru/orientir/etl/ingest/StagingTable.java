package ru.orientir.etl.ingest;

import java.sql.Types;
import java.util.List;
import java.util.function.Function;

/**
 * How one kind of typed row is stored in its staging table: the columns after load_id and line, their JDBC types,
 * and a row's values in that order (null for a missing value). The warehouse chooses the bulk path
 * ({@link ru.orientir.warehouse.Warehouse#insertRows}).
 */
public record StagingTable<T>(String table, List<Column> columns, Function<T, Object[]> values) {
    public static final int TEXT = Types.VARCHAR;
    public static final int INT = Types.INTEGER;
    public static final int BIGINT = Types.BIGINT;
    public static final int DOUBLE = Types.DOUBLE;
    public static final int BOOL = Types.BOOLEAN;

    public record Column(String name, int type) {
    }

    public StagingTable {
        columns = List.copyOf(columns);
    }

    public static Column column(String name, int type) {
        return new Column(name, type);
    }

    public Object[] values(T row) {
        Object[] v = values.apply(row);
        if (v.length != columns.size()) {
            throw new IllegalStateException(table + ": " + v.length + " values for " + columns.size() + " columns");
        }
        return v;
    }
}
