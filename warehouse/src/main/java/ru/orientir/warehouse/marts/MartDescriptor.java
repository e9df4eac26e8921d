package ru.orientir.warehouse.marts;

import java.util.List;

/**
 * One exportable table as users see it: its name on the command line ({@code bin/orientir export NAME}), a Russian
 * title for help and listings, the export query, and the columns that query returns, in order (the CSV header,
 * a contract for whoever reads the file).
 *
 * @param name       the name given to {@code export}, equal to the file name of its query
 * @param title      what the table holds, in Russian
 * @param kind       an analytical mart, or the load history that every run writes
 * @param columns    the export's columns in order
 */
public record MartDescriptor(String name, String title, Kind kind, List<String> columns) {

    /** Marts are what a run publishes; the load history is written while files are loaded, published or not. */
    public enum Kind { MART, LOAD_HISTORY }

    public MartDescriptor {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("mart name must be lower_snake_case: " + name);
        }
        columns = List.copyOf(columns);
    }

    /** The class-path resource of the export query (warehouse/src/main/resources/sql/export/). */
    public String exportSql() {
        return "sql/export/" + name + ".sql";
    }
}
