package ru.orientir.warehouse;

import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import ru.orientir.warehouse.clickhouse.ClusterDdl;

/**
 * Flyway: the engine's own folder ({@code db/migration/duckdb} or {@code db/migration/clickhouse}) and the folder both
 * engines share ({@code db/migration/common}: statements that run unchanged on either, such as the presentation
 * views), merged into one sequence of versions. On a ClickHouse cluster the same files are executed as
 * {@link ClusterDdl} rewrites them (see {@link #configure}).
 */
public final class Migrations {
    /** The migrations both engines take, on the class path. */
    public static final String COMMON = "db/migration/common";

    private Migrations() {
    }

    public static int apply(DataSource dataSource, Engine engine) {
        return apply(dataSource, engine, null, null);
    }

    /**
     * @param cluster  the ClickHouse cluster ({@code warehouse.cluster}), or null for a single server
     * @param database the database Orientir works in (needed with a cluster: each Distributed table names it)
     */
    public static int apply(DataSource dataSource, Engine engine, String cluster, String database) {
        Flyway flyway = configure(Flyway.configure().dataSource(dataSource), engine, cluster, database).load();
        try {
            MigrateResult result = flyway.migrate();
            return result.migrationsExecuted;
        } catch (RuntimeException e) {
            throw new WarehouseException("Не удалось обновить схему хранилища (" + engine.folder()
                    + (cluster == null ? "" : ", кластер " + cluster) + "): проверьте, что хранилище доступно и у "
                    + "пользователя есть права на изменение схемы" + (cluster == null ? "" : " на всех узлах кластера")
                    + ", и повторите запуск.\nПодробности: " + e.getMessage(), e);
        }
    }

    /**
     * The locations, and on a cluster: Flyway's SQL resolver replaced by {@link ClusterDdl}'s (the same files, versions
     * and checksums; each statement rewritten when executed), and the ClickHouse plugin's history table created
     * {@code ON CLUSTER} as a ReplicatedMergeTree with a copy on every node (as the {@code meta_*} tables), so that
     * Flyway sees the same history whichever node it connects to.
     */
    public static FluentConfiguration configure(FluentConfiguration flyway, Engine engine, String cluster, String database) {
        if (cluster != null) {
            if (engine != Engine.CLICKHOUSE) {
                throw new IllegalArgumentException("A cluster is ClickHouse's only: " + engine);
            }
            // the plugin's settings first: configuration(Map) is applied before the settings made in code below
            flyway.configuration(Map.of(
                            "flyway.clickhouse.clusterName", cluster,
                            "flyway.clickhouse.zookeeperPath", ClusterDdl.GLOBAL_PATH))
                    .skipDefaultResolvers(true)
                    .resolvers(ClusterDdl.flywayResolver(cluster, database));
        }
        return flyway.locations("classpath:db/migration/" + engine.folder(), "classpath:" + COMMON).cleanDisabled(true);
    }
}
