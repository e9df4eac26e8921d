package ru.orientir.warehouse;

import java.nio.file.Path;

/**
 * Where the warehouse is. The password never appears in {@link #toString()}.
 *
 * @param cluster the ClickHouse cluster ({@code remote_servers}) the schema is spread over ({@code warehouse.cluster});
 *                null for a single server, today's default. See {@code clickhouse.ClusterDdl}.
 */
public record WarehouseSettings(String jdbcUrl, String user, String password, String cluster) {
    private static final String CLUSTER_NAME = "[A-Za-z_][A-Za-z0-9_]*";

    public WarehouseSettings {
        Engine engine = Engine.fromJdbcUrl(jdbcUrl);
        cluster = cluster == null || cluster.isBlank() ? null : cluster.strip();
        if (cluster != null && engine != Engine.CLICKHOUSE) {
            throw new WarehouseException("warehouse.cluster («" + cluster + "») задан для хранилища " + jdbcUrl
                    + ", а кластер бывает только у ClickHouse. Уберите warehouse.cluster (ORIENTIR_WAREHOUSE_CLUSTER) "
                    + "или укажите в warehouse.url адрес ClickHouse.");
        }
        if (cluster != null && !cluster.matches(CLUSTER_NAME)) {
            throw new WarehouseException("warehouse.cluster: «" + cluster + "» не похоже на имя кластера ClickHouse. "
                    + "Укажите имя из раздела remote_servers конфигурации сервера (латинские буквы, цифры и _).");
        }
    }

    /** A single server (or the embedded DuckDB file): no cluster. */
    public WarehouseSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, null);
    }

    /** The embedded default: a DuckDB file in the Orientir home folder. */
    public static WarehouseSettings embedded(Path home) {
        return new WarehouseSettings("jdbc:duckdb:" + home.toAbsolutePath().normalize().resolve("warehouse.duckdb"), null, null);
    }

    public Engine engine() {
        return Engine.fromJdbcUrl(jdbcUrl);
    }

    /** Whether the schema is spread over a ClickHouse cluster ({@link #cluster()} is set). */
    public boolean clustered() {
        return cluster != null;
    }

    @Override
    public String toString() {
        return "WarehouseSettings[" + jdbcUrl + (user == null ? "" : ", user=" + user)
                + (cluster == null ? "" : ", cluster=" + cluster) + "]";
    }
}
