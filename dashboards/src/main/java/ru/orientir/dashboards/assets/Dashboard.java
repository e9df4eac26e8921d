package ru.orientir.dashboards.assets;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import ru.orientir.dashboards.datasets.Dataset;
import ru.orientir.dashboards.datasets.StableUuid;

/** A dashboard: its title, rows of charts (with widths out of 12), notes, and the native filters it offers. */
public record Dashboard(String slug, String title, String description, List<Row> rows, List<Filter> filters) {

    /** A row of the grid: charts side by side, or a note in Markdown when {@code note} is set. */
    public record Row(List<Cell> cells, int height) {
        public Row {
            cells = List.copyOf(cells);
            if (cells.stream().mapToInt(Cell::width).sum() > 12) {
                throw new IllegalArgumentException("A row is at most 12 wide");
            }
        }
    }

    /** One grid cell: a chart or (chart null) a Markdown note. */
    public record Cell(Chart chart, String note, int width) {
        public static Cell of(Chart chart, int width) {
            return new Cell(chart, null, width);
        }

        public static Cell note(String markdown, int width) {
            return new Cell(null, markdown, width);
        }
    }

    /**
     * A native select filter on one column; it applies to every chart whose dataset has a column of that name.
     * A {@code single} filter takes exactly one value and starts on the first one (a dashboard about one school).
     */
    public record Filter(String name, Dataset dataset, String column, boolean single) {
        public Filter(String name, Dataset dataset, String column) {
            this(name, dataset, column, false);
        }
    }

    public Dashboard {
        rows = List.copyOf(rows);
        filters = List.copyOf(filters);
    }

    public UUID uuid() {
        return StableUuid.of("dashboard", slug);
    }

    public List<Chart> charts() {
        return rows.stream().flatMap(r -> r.cells().stream()).map(Cell::chart).filter(c -> c != null).toList();
    }

    public static Row row(int height, Cell... cells) {
        return new Row(List.of(cells), height);
    }

    static Stream<Dashboard> stream(List<Dashboard> all) {
        return all.stream();
    }
}
