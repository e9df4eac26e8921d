package ru.orientir.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import ru.orientir.jobs.config.OrientirConfig;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * Configuration as every command sees it: orientir.yml overridden by the environment.
 *
 * <p>Writing commands ({@code run}, {@code schedule}) take {@link #load()}: the configured warehouse, never the demo's.
 * Reading commands take {@link #forReading(PrintWriter)}: until the user has a warehouse of their own, the demo's
 * stands in for it, so that {@code bin/orientir demo} followed by {@code export}, {@code status}, {@code report} or
 * {@code dashboards} shows the demo's data instead of an empty or missing warehouse.
 */
public final class ConfigOption {
    /** How long a reading command waits while a run holds the embedded warehouse (DuckDB: one writer per file). */
    public static final java.time.Duration READ_WAIT = java.time.Duration.ofSeconds(60);

    private ConfigOption() {
    }

    public static OrientirConfig load() {
        return OrientirConfig.fromEnvironment();
    }

    /** The configuration a reading command uses; says on {@code err} when that is the demo's warehouse. */
    public static OrientirConfig forReading(PrintWriter err) {
        return forReading(load(), err);
    }

    /** {@link #forReading(PrintWriter)} of a configuration already loaded. */
    public static OrientirConfig forReading(OrientirConfig config, PrintWriter err) {
        if (!showsDemo(config)) {
            return config;
        }
        err.println(demoNotice(config));
        err.flush();
        return config.embeddedAt(demoHome(config));
    }

    /** Where {@code bin/orientir demo} keeps its region, warehouse and exports: ORIENTIR_HOME/demo. */
    public static Path demoHome(OrientirConfig config) {
        return config.home().resolve("demo");
    }

    /**
     * The demo's warehouse stands in when no warehouse is configured (the default embedded one is in use), that
     * default has never been written (no run of the user's own created it: only a run creates the file, readers open
     * it read-only), and a demo warehouse exists.
     */
    public static boolean showsDemo(OrientirConfig config) {
        WarehouseSettings own = WarehouseSettings.embedded(config.home());
        return config.warehouse().jdbcUrl().equals(own.jdbcUrl())
                && !Files.exists(databaseFile(own))
                && Files.exists(databaseFile(WarehouseSettings.embedded(demoHome(config))));
    }

    static String demoNotice(OrientirConfig config) {
        return "Показаны данные демонстрации (" + demoHome(config) + "); настройте warehouse.url или выполните "
                + "bin/orientir run, чтобы работать со своими данными.";
    }

    private static Path databaseFile(WarehouseSettings embedded) {
        return Path.of(embedded.jdbcUrl().substring("jdbc:duckdb:".length()));
    }
}
