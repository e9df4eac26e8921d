package ru.orientir.dashboards.superset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Superset is and who Orientir logs in as, from the environment only (secrets never in files in the repository):
 * {@code SUPERSET_URL}, {@code SUPERSET_USERNAME}, {@code SUPERSET_PASSWORD} or {@code SUPERSET_PASSWORD_FILE}, and
 * optionally {@code ORIENTIR_SUPERSET_DATABASE_URI} — the warehouse as Superset's host sees it, when that differs
 * from Orientir's view (another host name in docker-compose, another path).
 */
public record SupersetSettings(URI url, String username, String password, String databaseUriOverride) {

    /** The settings, or empty when {@code SUPERSET_URL} is not set (Superset is not configured). */
    public static Optional<SupersetSettings> fromEnvironment(Map<String, String> env) {
        String url = env.get("SUPERSET_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String user = env.get("SUPERSET_USERNAME");
        String password = env.get("SUPERSET_PASSWORD");
        if (password == null && env.get("SUPERSET_PASSWORD_FILE") != null) {
            try {
                password = Files.readString(Path.of(env.get("SUPERSET_PASSWORD_FILE")), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("SUPERSET_PASSWORD_FILE не читается: " + e.getMessage(), e);
            }
        }
        if (user == null || user.isBlank() || password == null) {
            throw new IllegalArgumentException("SUPERSET_URL задан, но нет учётных данных: задайте SUPERSET_USERNAME "
                    + "и SUPERSET_PASSWORD (или SUPERSET_PASSWORD_FILE)");
        }
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return Optional.of(new SupersetSettings(URI.create(base), user, password,
                env.get("ORIENTIR_SUPERSET_DATABASE_URI")));
    }

    @Override
    public String toString() {
        return "SupersetSettings[" + url + ", user=" + username + "]";
    }
}
