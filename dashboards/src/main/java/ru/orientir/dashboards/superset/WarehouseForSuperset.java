package ru.orientir.dashboards.superset;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import ru.orientir.warehouse.Engine;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * The warehouse as Superset's SQLAlchemy reaches it. DuckDB is opened read-only (the Orientir process may hold the
 * file's write lock while it publishes); ClickHouse through clickhouse-connect as the read-only reader (never the
 * owner Orientir writes with), the password handed over separately.
 */
public record WarehouseForSuperset(String sqlalchemyUri, String schema, Map<String, String> passwords) {

    public static WarehouseForSuperset of(WarehouseSettings warehouse, String override) {
        return of(warehouse, override, SupersetSettings.Reader.NONE);
    }

    public static WarehouseForSuperset of(WarehouseSettings warehouse, String override, SupersetSettings.Reader reader) {
        if (warehouse.engine() == Engine.DUCKDB) {
            String file = warehouse.jdbcUrl().substring("jdbc:duckdb:".length());
            int q = file.indexOf('?');
            if (q >= 0) {
                file = file.substring(0, q);
            }
            if (file.isBlank() || file.startsWith(":memory:")) {
                throw new IllegalArgumentException("Хранилище DuckDB в памяти недоступно для Superset: задайте файл "
                        + "(ORIENTIR_WAREHOUSE_URL=jdbc:duckdb:/путь/warehouse.duckdb)");
            }
            String uri = override != null ? override
                    : "duckdb:///" + Path.of(file).toAbsolutePath().normalize() + "?access_mode=read_only";
            return new WarehouseForSuperset(uri, "main", Map.of());
        }
        // jdbc:clickhouse://host:8123/db?... or jdbc:ch://...
        URI u = URI.create(warehouse.jdbcUrl().replaceFirst("^jdbc:(clickhouse|ch):", "http:"));
        String db = u.getPath() == null || u.getPath().length() <= 1 ? "default" : u.getPath().substring(1);
        if (override == null && !reader.configured()) {
            throw new IllegalArgumentException("Superset читает ClickHouse только под отдельным пользователем с правами "
                    + "на чтение, не под владельцем хранилища: задайте ORIENTIR_SUPERSET_WAREHOUSE_USER и "
                    + "ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD (или …_PASSWORD_FILE). SQL для создания такого пользователя "
                    + "— в docker/clickhouse/init/10-reader.sh.");
        }
        String user = reader.configured() ? reader.user() : warehouse.user() == null ? "default" : warehouse.user();
        String password = reader.configured() ? reader.password() : warehouse.password();
        boolean hasPassword = password != null && !password.isEmpty();
        String uri = override != null ? override
                : "clickhousedb://" + user + (hasPassword ? ":XXXXXXXXXX" : "") + "@" + u.getHost() + ":"
                + (u.getPort() < 0 ? 8123 : u.getPort()) + "/" + db;
        return new WarehouseForSuperset(uri, db,
                hasPassword ? Map.of(ru.orientir.dashboards.assets.AssetBundle.DATABASE_FILE, password) : Map.of());
    }
}
