package ru.orientir.jobs.config;

import java.util.Optional;

import ru.orientir.dashboards.superset.SupersetSettings;

/**
 * Superset as the environment configures it (orientir.yml has no Superset keys: its address comes with its
 * credentials): {@code SUPERSET_URL}, {@code SUPERSET_USERNAME}, {@code SUPERSET_PASSWORD} (or {@code …_FILE}),
 * {@code ORIENTIR_SUPERSET_DATABASE_URI}, and the warehouse's read-only user Superset reads as,
 * {@code ORIENTIR_SUPERSET_WAREHOUSE_USER} and {@code ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD} (or {@code …_FILE}).
 * Read by {@link OrientirConfig} with the rest of the environment; whether the values fit together is judged when
 * Superset is used ({@link #settings()}), so a command that never talks to Superset is not stopped by them.
 */
public record SupersetConfig(String url, String username, String password, String databaseUri, String readerUser,
                             String readerPassword) {
    public static final SupersetConfig NONE = new SupersetConfig(null, null, null, null, null, null);

    /** Whether {@code SUPERSET_URL} is set. */
    public boolean configured() {
        return url != null;
    }

    /**
     * The settings to sync with, or empty when Superset is not configured; IllegalArgumentException (Russian) when the
     * URL is set without credentials, or the reader without a password.
     */
    public Optional<SupersetSettings> settings() {
        return SupersetSettings.of(url, username, password, databaseUri, reader());
    }

    /** The read-only warehouse user Superset reads as (null fields: none configured). */
    public SupersetSettings.Reader reader() {
        return SupersetSettings.Reader.of(readerUser, readerPassword);
    }

    @Override
    public String toString() {
        return "SupersetConfig[" + (url == null ? "не настроен" : url + ", user=" + username + ", reader=" + readerUser) + "]";
    }
}
