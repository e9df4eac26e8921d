package ru.orientir.dashboards.superset;

import java.net.URI;
import java.util.Optional;

/**
 * Where Superset is and who Orientir logs in as, from the environment only (secrets never in files in the repository):
 * {@code SUPERSET_URL}, {@code SUPERSET_USERNAME}, {@code SUPERSET_PASSWORD} or {@code SUPERSET_PASSWORD_FILE}, and
 * optionally {@code ORIENTIR_SUPERSET_DATABASE_URI} — the warehouse as Superset's host sees it, when that differs
 * from Orientir's view (another host name in docker-compose, another path).
 *
 * <p>On ClickHouse, Superset reads the warehouse as a read-only user of its own, never as the owner Orientir writes
 * with: {@code ORIENTIR_SUPERSET_WAREHOUSE_USER} and {@code ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD} (or
 * {@code …_PASSWORD_FILE}). DuckDB needs none: Superset opens the file read-only.
 */
public record SupersetSettings(URI url, String username, String password, String databaseUriOverride,
                               Reader reader) {

    /** The warehouse user Superset reads as (ClickHouse); null fields when not configured. */
    public record Reader(String user, String password) {
        static final Reader NONE = new Reader(null, null);

        /**
         * {@code ORIENTIR_SUPERSET_WAREHOUSE_USER} and its password; throws IllegalArgumentException (Russian) for a
         * user without a password.
         */
        public static Reader of(String user, String password) {
            if (user != null && !user.isBlank() && password == null) {
                throw new IllegalArgumentException("ORIENTIR_SUPERSET_WAREHOUSE_USER задан без пароля: задайте "
                        + "ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD или ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD_FILE");
            }
            return new Reader(user, password);
        }

        public boolean configured() {
            return user != null && !user.isBlank();
        }

        @Override
        public String toString() {
            return "Reader[" + user + "]";
        }
    }

    public SupersetSettings(URI url, String username, String password, String databaseUriOverride) {
        this(url, username, password, databaseUriOverride, Reader.NONE);
    }

    /**
     * The settings from their values ({@code SUPERSET_URL}, {@code SUPERSET_USERNAME}, the password, the optional
     * {@code ORIENTIR_SUPERSET_DATABASE_URI}, the reader), or empty when {@code url} is not set (Superset is not
     * configured). Throws IllegalArgumentException (Russian) when the URL is set without credentials.
     */
    public static Optional<SupersetSettings> of(String url, String username, String password, String databaseUri,
                                                Reader reader) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (username == null || username.isBlank() || password == null) {
            throw new IllegalArgumentException("SUPERSET_URL задан, но нет учётных данных: задайте SUPERSET_USERNAME "
                    + "и SUPERSET_PASSWORD (или SUPERSET_PASSWORD_FILE)");
        }
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return Optional.of(new SupersetSettings(URI.create(base), username, password,
                databaseUri == null || databaseUri.isBlank() ? null : databaseUri, reader == null ? Reader.NONE : reader));
    }

    @Override
    public String toString() {
        return "SupersetSettings[" + url + ", user=" + username + "]";
    }
}
