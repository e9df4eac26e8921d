package ru.orientir.jobs.cli;

import ru.orientir.jobs.config.OrientirConfig;

/** Configuration as every command sees it: orientir.yml overridden by the environment. */
public final class ConfigOption {
    /** How long a reading command waits while a run holds the embedded warehouse (DuckDB: one writer per file). */
    public static final java.time.Duration READ_WAIT = java.time.Duration.ofSeconds(60);

    private ConfigOption() {
    }

    public static OrientirConfig load() {
        return OrientirConfig.load(System.getenv());
    }
}
