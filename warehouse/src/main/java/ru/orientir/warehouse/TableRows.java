package ru.orientir.warehouse;

import java.util.List;

/**
 * Rows for one table, written in bulk by {@link Warehouse#insertRows}. Each row holds one value per column, in the
 * order of {@code columns}: {@code null}, {@link String}, {@link Integer}, {@link Long}, {@link Double} or
 * {@link Boolean}.
 */
public record TableRows(String table, List<String> columns, List<Object[]> rows) {
    public TableRows {
        if (!table.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(table + ": a row has " + row.length + " values for "
                        + columns.size() + " columns");
            }
        }
    }
}
