package ru.orientir.warehouse;

import java.util.Locale;

/** The two warehouse engines. The JDBC URL alone decides which one is in use. */
public enum Engine {
    DUCKDB("duckdb"),
    CLICKHOUSE("clickhouse");

    private final String folder;

    Engine(String folder) {
        this.folder = folder;
    }

    /** The per-engine folder name used for migrations ({@code db/migration/<folder>}) and SQL resources. */
    public String folder() {
        return folder;
    }

    public static Engine fromJdbcUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:duckdb:")) {
            return DUCKDB;
        }
        if (url.startsWith("jdbc:clickhouse:") || url.startsWith("jdbc:ch:")) {
            return CLICKHOUSE;
        }
        throw new WarehouseException("Адрес хранилища «" + jdbcUrl + "» не поддерживается: укажите в warehouse.url "
                + "(или ORIENTIR_WAREHOUSE_URL) jdbc:duckdb:<файл> или jdbc:clickhouse://<хост>:<порт>/<база>.");
    }
}
