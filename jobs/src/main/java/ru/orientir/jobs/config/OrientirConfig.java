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
 */
public record OrientirConfig(Path home, WarehouseSettings warehouse, String batchUrl, String batchUser,
                             String batchPassword, PipelineSettings pipeline, ScheduleSettings schedule,
                             String alertWebhook, AnalyticsSettings analytics) {

    /** Without the schedule's settings: defaults for retries and schedule, no alert webhook. */
    public OrientirConfig(Path home, WarehouseSettings warehouse, String batchUrl, String batchUser, String batchPassword) {
        this(home, warehouse, batchUrl, batchUser, batchPassword, PipelineSettings.DEFAULT, ScheduleSettings.defaults(home), null,
                AnalyticsSettings.defaults());
    }

    public static OrientirConfig load(Map<String, String> env) {
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
                        first(env.get("ORIENTIR_PIPELINE_RETRY_DELAY"), text(yaml, "pipeline", "retry-delay"), null)),
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
        return IngestConfig.parse(readYaml(env), env);
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
