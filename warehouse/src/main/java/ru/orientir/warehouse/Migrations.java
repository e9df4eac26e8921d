package ru.orientir.warehouse;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Flyway, one migration folder per engine. */
public final class Migrations {
    private Migrations() {
    }

    public static int apply(DataSource dataSource, Engine engine) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + engine.folder())
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
