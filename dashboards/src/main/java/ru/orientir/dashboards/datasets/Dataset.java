package ru.orientir.dashboards.datasets;

import java.util.List;
import java.util.UUID;

/**
 * A Superset dataset: a published table, a run-history table, or one of the warehouse's presentation views
 * ({@code view}: migration {@code db/migration/common/V12__presentation_views.sql} of the warehouse module, which puts the
 * marts into the words and shapes a chart reads), with its Russian title and every column's Russian label. Every
 * dataset is physical: Superset reads the relation by name, and the SQL behind a view lives in the warehouse.
 */
public record Dataset(String table, String title, List<Column> columns, boolean view) {

    /** A column with the label analysts read and how charts show its numbers ({@link NumberFormat#NONE} for words). */
    public record Column(String name, String label, NumberFormat format) {
        /** A column of words, codes or years. */
        public Column(String name, String label) {
            this(name, label, NumberFormat.NONE);
        }
    }

    public Dataset {
        columns = List.copyOf(columns);
    }

    /** A dataset over a published table. */
    public Dataset(String table, String title, List<Column> columns) {
        this(table, title, columns, false);
    }

    /** A dataset over the warehouse's presentation view of that name. */
    public static Dataset view(String name, String title, List<Column> columns) {
        return new Dataset(name, title, columns, true);
    }
    /** Whether rows belong to a municipality (row-level security filters these datasets for municipal roles). */
    public boolean municipal() {
        return has("municipality");
    }

    /** Whether the dataset has the column. */
    public boolean has(String column) {
        return columns.stream().anyMatch(c -> c.name().equals(column));
    }

    public String label(String column) {
        return column(column).label();
    }

    public Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(table + " has no column " + name));
    }

    public UUID uuid() {
        return StableUuid.of("dataset", table);
    }
}
