package ru.orientir.dashboards.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A Superset dataset: a published table (physical) or a query over published tables (virtual, {@code sql} set), with
 * its Russian title and every column's Russian label.
 */
public record Dataset(String table, String title, List<Column> columns, String sql) {

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
        this(table, title, columns, null);
    }

    /**
     * A virtual dataset whose query is the resource {@code datasets/<name>.sql} beside this class; {@code {schools}} in
     * it stands for {@code schools.fragment.sql} (each school's name and municipality).
     */
    public static Dataset view(String name, String title, List<Column> columns) {
        String sql = resource(name + ".sql").replace("{schools}", resource("schools.fragment.sql"));
        return new Dataset(name, title, columns, sql);
    }

    /** A SQL resource beside this class, without its comment lines. */
    private static String resource(String file) {
        try (InputStream in = Dataset.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Missing SQL resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines().filter(l -> !l.strip().startsWith("--")).reduce((a, b) -> a + "\n" + b).orElse("").strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean virtual() {
        return sql != null;
    }

    /** Whether rows belong to a municipality (row-level security filters these datasets for municipal roles). */
    public boolean municipal() {
        return columns.stream().anyMatch(c -> c.name().equals("municipality"));
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
