package ru.orientir.warehouse;

import java.nio.file.Path;

/** Where the warehouse is. The password never appears in {@link #toString()}. */
public record WarehouseSettings(String jdbcUrl, String user, String password) {

    public WarehouseSettings {
        Engine.fromJdbcUrl(jdbcUrl);
    }

    /** The embedded default: a DuckDB file in the Orientir home folder. */
    public static WarehouseSettings embedded(Path home) {
        return new WarehouseSettings("jdbc:duckdb:" + home.toAbsolutePath().normalize().resolve("warehouse.duckdb"), null, null);
    }

    public Engine engine() {
        return Engine.fromJdbcUrl(jdbcUrl);
    }

    @Override
    public String toString() {
        return "WarehouseSettings[" + jdbcUrl + (user == null ? "" : ", user=" + user) + "]";
    }
}
