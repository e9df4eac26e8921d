package ru.orientir.warehouse;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway: the engine's own folder ({@code db/migration/duckdb} or {@code db/migration/clickhouse}) and the folder both
 * engines share ({@code db/migration/common}: statements that run unchanged on either, such as the presentation
 * views), merged into one sequence of versions.
 */
public final class Migrations {
    /** The migrations both engines take, on the class path. */
    public static final String COMMON = "db/migration/common";

    private Migrations() {
    }

    public static int apply(DataSource dataSource, Engine engine) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + engine.folder(), "classpath:" + COMMON)
                .cleanDisabled(true)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            return result.migrationsExecuted;
        } catch (RuntimeException e) {
            throw new WarehouseException("Не удалось обновить схему хранилища (" + engine.folder() + "): проверьте, что "
                    + "хранилище доступно и у пользователя есть права на изменение схемы, и повторите запуск.\nПодробности: "
                    + e.getMessage(), e);
        }
    }
}
