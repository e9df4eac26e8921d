package ru.orientir.jobs.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import ru.orientir.etl.analytics.AnalyticsSettings;
import ru.orientir.jobs.pipeline.PipelineSettings;
import ru.orientir.jobs.schedule.ScheduleSettings;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * Orientir's settings: {@code orientir.yml} (path in ORIENTIR_CONFIG, else ./orientir.yml when present) overridden
 * by ORIENTIR_* environment variables. Secrets are read only from the environment or from files named there
 * ({@code *_PASSWORD_FILE}), never from the YAML file itself.
 *
 * <p>Every secret a service needs is checked at start-up and refused, with the variable's name and what to do, when it
 * is a placeholder of {@code .env.example} ({@code change-me…}) or too short: passwords of a server warehouse, of a
 * PostgreSQL job repository and Quartz store, of Superset and of Superset's warehouse reader at least
 * {@value #MIN_PASSWORD} characters, the pseudonymisation key at least {@value #MIN_KEY_BYTES} bytes. The embedded
 * DuckDB warehouse and H2 job repository need no secret and are not checked; a secret that is not given is not
 * checked here (the server it is for refuses the login, or ingestion says the key is missing).
 */
public record OrientirConfig(Path home, WarehouseSettings warehouse, String batchUrl, String batchUser,
                             String batchPassword, PipelineSettings pipeline, ScheduleSettings schedule,
                             String alertWebhook, AnalyticsSettings analytics) {

    /** Without the schedule's settings: defaults for retries and schedule, no alert webhook. */
    public OrientirConfig(Path home, WarehouseSettings warehouse, String batchUrl, String batchUser, String batchPassword) {
        this(home, warehouse, batchUrl, batchUser, batchPassword, PipelineSettings.DEFAULT, ScheduleSettings.defaults(home), null,
                AnalyticsSettings.defaults());
    }

    /** The shortest password accepted for a server (warehouse, PostgreSQL, Superset). */
    static final int MIN_PASSWORD = 12;
    /** The shortest pseudonymisation key accepted, in bytes (HMAC-SHA-256's output size). */
    static final int MIN_KEY_BYTES = 32;

    public static OrientirConfig load(Map<String, String> env) {
        OrientirConfig config = read(env);
        checkSecrets(config, env);
        return config;
    }

    private static OrientirConfig read(Map<String, String> env) {
        JsonNode yaml = readYaml(env);
        Path home = Path.of(first(env.get("ORIENTIR_HOME"), text(yaml, "home"), ".orientir")).toAbsolutePath().normalize();
        String url = first(env.get("ORIENTIR_WAREHOUSE_URL"), text(yaml, "warehouse", "url"), null);
        WarehouseSettings warehouse = url == null
                ? WarehouseSettings.embedded(home)
                : new WarehouseSettings(url,
                        first(env.get("ORIENTIR_WAREHOUSE_USER"), text(yaml, "warehouse", "user"), null),
                        secret(env, "ORIENTIR_WAREHOUSE_PASSWORD"));
        String batchUrl = first(env.get("ORIENTIR_BATCH_JDBC_URL"), text(yaml, "batch", "url"),
                // WRITE_DELAY=0: a commit is on disk before the next step starts, so kill -9 never loses a completed
                // step or chunk (H2's default flushes later). DB_CLOSE_ON_EXIT=FALSE: on SIGTERM the schedule still
                // records the stopped run after H2's own shutdown hook ran.
                "jdbc:h2:file:" + home.resolve("jobrepo").resolve("batch") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        return new OrientirConfig(home, warehouse, batchUrl,
                first(env.get("ORIENTIR_BATCH_USER"), text(yaml, "batch", "user"), "sa"),
                first(secret(env, "ORIENTIR_BATCH_PASSWORD"), "", ""),
                PipelineSettings.parse(
                        first(env.get("ORIENTIR_PIPELINE_RETRIES"), text(yaml, "pipeline", "retries"), null),
                        first(env.get("ORIENTIR_PIPELINE_RETRY_DELAY"), text(yaml, "pipeline", "retry-delay"), null),
                        first(env.get("ORIENTIR_PIPELINE_KEEP_RUNS"), text(yaml, "pipeline", "keep-runs"), null)),
                ScheduleSettings.parse(home,
                        first(env.get("ORIENTIR_SCHEDULE_CRON"), text(yaml, "schedule", "cron"), null),
                        first(env.get("ORIENTIR_SCHEDULE_ZONE"), text(yaml, "schedule", "zone"), null),
                        first(env.get("ORIENTIR_SCHEDULE_OVERLAP"), text(yaml, "schedule", "overlap"), null),
                        first(env.get("ORIENTIR_SCHEDULE_INBOX"), text(yaml, "schedule", "inbox"), null),
                        first(env.get("ORIENTIR_QUARTZ_JDBC_URL"), text(yaml, "schedule", "store", "url"), null),
                        first(env.get("ORIENTIR_QUARTZ_USER"), text(yaml, "schedule", "store", "user"), null),
                        secret(env, "ORIENTIR_QUARTZ_PASSWORD")),
                first(env.get("ORIENTIR_ALERT_WEBHOOK"), text(yaml, "alert", "webhook"), null),
                AnalyticsConfig.parse(yaml));
    }

    /** The ingest section of orientir.yml (aliases, sheet) and the pseudonymisation key from the environment. */
    public static ru.orientir.etl.ingest.IngestSettings ingestSettings(Map<String, String> env) {
        checkPseudonymKey(env);
        return IngestConfig.parse(readYaml(env), env);
    }

    /** Refuses placeholder and short secrets of the services this configuration talks to (see the class comment). */
    private static void checkSecrets(OrientirConfig config, Map<String, String> env) {
        if (config.warehouse().engine() != ru.orientir.warehouse.Engine.DUCKDB) {
            checkPassword(env, "ORIENTIR_WAREHOUSE_PASSWORD", config.warehouse().password());
        }
        if (!config.batchUrl().startsWith("jdbc:h2:")) {
            checkPassword(env, "ORIENTIR_BATCH_PASSWORD", config.batchPassword());
        }
        if (config.schedule().jdbcStore()) {
            checkPassword(env, "ORIENTIR_QUARTZ_PASSWORD", config.schedule().storePassword());
        }
        if (env.get("SUPERSET_URL") != null && !env.get("SUPERSET_URL").isBlank()) {
            checkPassword(env, "SUPERSET_PASSWORD", secret(env, "SUPERSET_PASSWORD"));
            checkPassword(env, "ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD", secret(env, "ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD"));
        }
        checkPseudonymKey(env);
    }

    private static void checkPassword(Map<String, String> env, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String where = source(env, name);
        if (isPlaceholder(value)) {
            throw new ConfigException(where + ": это образец из .env.example («change-me…»), а не пароль. Задайте свой "
                    + "пароль не короче " + MIN_PASSWORD + " символов (например, вывод openssl rand -base64 24) в .env или в "
                    + "файле " + name + "_FILE и перезапустите.");
        }
        if (value.length() < MIN_PASSWORD) {
            throw new ConfigException(where + ": пароль короче " + MIN_PASSWORD + " символов (в нём " + value.length()
                    + "). Задайте пароль не короче " + MIN_PASSWORD + " символов (например, вывод openssl rand -base64 24), "
                    + "смените его и на сервере, и перезапустите.");
        }
    }

    private static void checkPseudonymKey(Map<String, String> env) {
        String key = secret(env, "ORIENTIR_PSEUDONYM_KEY");
        if (key == null || key.isBlank()) {
            return;
        }
        String where = source(env, "ORIENTIR_PSEUDONYM_KEY");
        if (isPlaceholder(key)) {
            throw new ConfigException(where + ": это образец («change-me…»), а не ключ. Создайте ключ не короче "
                    + MIN_KEY_BYTES + " байт (например, openssl rand -base64 48 > secrets/pseudonym.key) и перезапустите.");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_KEY_BYTES) {
            throw new ConfigException(where + ": ключ псевдонимизации короче " + MIN_KEY_BYTES + " байт (в нём " + bytes
                    + "). Создайте ключ не короче " + MIN_KEY_BYTES + " байт (например, openssl rand -base64 48). "
                    + "Если с этим ключом уже загружены данные, новый ключ даст участникам другие псевдонимы: "
                    + "начните с нового хранилища или перепсевдонимизируйте загруженное.");
        }
    }

    /** {@code NAME} or {@code NAME_FILE (path)}: where the secret came from, for the message. */
    private static String source(Map<String, String> env, String name) {
        return env.get(name) != null || env.get(name + "_FILE") == null ? name
                : name + "_FILE (" + env.get(name + "_FILE") + ")";
    }

    private static boolean isPlaceholder(String value) {
        return value.strip().toLowerCase(java.util.Locale.ROOT).startsWith("change-me");
    }

    /** The same configuration with the embedded warehouse and job repository under another home (the demo's). */
    public OrientirConfig embeddedAt(Path otherHome) {
        return new OrientirConfig(otherHome, WarehouseSettings.embedded(otherHome),
                "jdbc:h2:file:" + otherHome.resolve("jobrepo").resolve("batch"), "sa", "", pipeline,
                ScheduleSettings.defaults(otherHome), null, analytics);
    }

    private static JsonNode readYaml(Map<String, String> env) {
        String configured = env.get("ORIENTIR_CONFIG");
        Path file = Path.of(configured != null ? configured : "orientir.yml");
        if (!Files.exists(file)) {
            if (configured != null) {
                throw new ConfigException("Файл конфигурации не найден: " + file.toAbsolutePath() + " (ORIENTIR_CONFIG)");
            }
            return null;
        }
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("Файл конфигурации " + file.toAbsolutePath() + " не читается: " + e.getMessage());
        }
    }

    private static String secret(Map<String, String> env, String name) {
        String direct = env.get(name);
        if (direct != null) {
            return direct;
        }
        String file = env.get(name + "_FILE");
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException("Не удалось прочитать секрет из файла " + file + " (" + name + "_FILE): " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null) {
                return null;
            }
            n = n.get(p);
        }
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String first(String a, String b, String fallback) {
        return a != null && !a.isBlank() ? a : (b != null && !b.isBlank() ? b : fallback);
    }
}
