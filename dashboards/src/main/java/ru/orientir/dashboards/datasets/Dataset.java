package ru.orientir.dashboards.datasets;

import java.util.List;
import java.util.UUID;

/** A Superset dataset over one published mart: the table, its title and every column's Russian label. */
public record Dataset(String table, String title, List<Column> columns) {

    public record Column(String name, String label) {
    }

    public Dataset {
        columns = List.copyOf(columns);
    }

    public UUID uuid() {
        return StableUuid.of("dataset", table);
    }
}
