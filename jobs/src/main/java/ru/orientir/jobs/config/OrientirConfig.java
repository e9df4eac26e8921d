package ru.orientir.jobs.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import ru.orientir.dashboards.report.MeasureCatalogue;
import ru.orientir.etl.analytics.AnalyticsSettings;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.jobs.pipeline.PipelineSettings;
import ru.orientir.jobs.schedule.ScheduleSettings;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * Orientir's settings: {@code orientir.yml} (path in ORIENTIR_CONFIG, else ./orientir.yml when present), bound whole
 * to typed records ({@link ConfigFile}: a misspelt or unknown key anywhere stops every command with the key, the file
 * and the nearest valid key), overridden by ORIENTIR_* environment variables. Secrets are read only from the
 * environment or from files named there ({@code *_PASSWORD_FILE}), never from the YAML file itself.
 *
 * <p>This is the only place that reads the environment: {@link #fromEnvironment()} once per command. The pipeline,
 * the ingest job ({@link #ingest()}: the ingest section and the pseudonymisation key) and the dashboards
 * ({@link #superset()}) take what they need from here, and so do the commands that show times
 * ({@link #displayZone()}).
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
                             String alertWebhook, AnalyticsSettings analytics, IngestSettings ingest,
                             SupersetConfig superset, ZoneId displayZone, MeasureCatalogue measures, SparkConfig spark) {

    /** The shortest password accepted for a server (warehouse, PostgreSQL, Superset). */
    static final int MIN_PASSWORD = 12;
    /** The shortest pseudonymisation key accepted, in bytes (HMAC-SHA-256's output size). */
    static final int MIN_KEY_BYTES = 32;
    /** The file read when ORIENTIR_CONFIG is not set, and its name in the messages. */
    static final String DEFAULT_FILE = "orientir.yml";

    /** The configuration from this process's environment: what every command calls, once. */
    public static OrientirConfig fromEnvironment() {
        return load(System.getenv());
    }

    /** The configuration from {@code env} (the process's environment, or a test's). */
    public static OrientirConfig load(Map<String, String> env) {
        OrientirConfig config = read(env);
        checkSecrets(config, env);
        return config;
    }

    private static OrientirConfig read(Map<String, String> env) {
        String configured = blankToNull(env.get("ORIENTIR_CONFIG"));
        String fileName = configured != null ? configured : DEFAULT_FILE;
        ConfigFile file = readFile(configured, fileName);
        // Which keys took their value from the file: a value error then names the file too.
        Map<String, Boolean> fromFile = new LinkedHashMap<>();
        Path home = Path.of(pick(fromFile, "home", env.get("ORIENTIR_HOME"), file.home(), ".orientir"))
                .toAbsolutePath().normalize();
        String url = pick(fromFile, "warehouse.url", env.get("ORIENTIR_WAREHOUSE_URL"), file.warehouse().url(), null);
        String cluster = pick(fromFile, "warehouse.cluster", env.get("ORIENTIR_WAREHOUSE_CLUSTER"),
                file.warehouse().cluster(), null);
        WarehouseSettings warehouse;
        try {
            warehouse = url == null && cluster == null
                    ? WarehouseSettings.embedded(home)
                    : new WarehouseSettings(url == null ? WarehouseSettings.embedded(home).jdbcUrl() : url,
                            pick(fromFile, "warehouse.user", env.get("ORIENTIR_WAREHOUSE_USER"), file.warehouse().user(), null),
                            secret(env, "ORIENTIR_WAREHOUSE_PASSWORD"), cluster);
        } catch (ru.orientir.warehouse.WarehouseException e) {
            // warehouse.cluster without a ClickHouse URL, or not a cluster's name
            throw new ConfigException((fromFile.get("warehouse.cluster") ? fileName + ": " : "") + e.getMessage());
        }
        String batchUrl = pick(fromFile, "batch.url", env.get("ORIENTIR_BATCH_JDBC_URL"), file.batch().url(),
                defaultBatchUrl(home));
        String batchUser = pick(fromFile, "batch.user", env.get("ORIENTIR_BATCH_USER"), file.batch().user(), "sa");
        ConfigFile.Pipeline p = file.pipeline();
        PipelineSettings pipeline = naming(fileName, fromFile, () -> PipelineSettings.parse(
                pick(fromFile, "pipeline.retries", env.get("ORIENTIR_PIPELINE_RETRIES"), text(p.retries()), null),
                pick(fromFile, "pipeline.retry-delay", env.get("ORIENTIR_PIPELINE_RETRY_DELAY"), p.retryDelay(), null),
                pick(fromFile, "pipeline.keep-runs", env.get("ORIENTIR_PIPELINE_KEEP_RUNS"), text(p.keepRuns()), null)));
        ConfigFile.Schedule s = file.schedule();
        ScheduleSettings schedule = naming(fileName, fromFile, () -> ScheduleSettings.parse(home,
                pick(fromFile, "schedule.cron", env.get("ORIENTIR_SCHEDULE_CRON"), s.cron(), null),
                pick(fromFile, "schedule.zone", env.get("ORIENTIR_SCHEDULE_ZONE"), s.zone(), null),
                pick(fromFile, "schedule.overlap", env.get("ORIENTIR_SCHEDULE_OVERLAP"), s.overlap(), null),
                pick(fromFile, "schedule.inbox", env.get("ORIENTIR_SCHEDULE_INBOX"), s.inbox(), null),
                pick(fromFile, "schedule.store.url", env.get("ORIENTIR_QUARTZ_JDBC_URL"), s.store().url(), null),
                pick(fromFile, "schedule.store.user", env.get("ORIENTIR_QUARTZ_USER"), s.store().user(), null),
                secret(env, "ORIENTIR_QUARTZ_PASSWORD")));
        String webhook = pick(fromFile, "alert.webhook", env.get("ORIENTIR_ALERT_WEBHOOK"), file.alert().webhook(), null);
        AnalyticsSettings analytics = AnalyticsConfig.parse(file.analytics(), fileName);
        SparkConfig spark = SparkConfig.parse(file.analytics(), fileName);
        String key = secret(env, "ORIENTIR_PSEUDONYM_KEY");
        IngestSettings ingest = IngestConfig.parse(file.ingest(),
                key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8), fileName);
        SupersetConfig superset = new SupersetConfig(blankToNull(env.get("SUPERSET_URL")),
                blankToNull(env.get("SUPERSET_USERNAME")), secret(env, "SUPERSET_PASSWORD"),
                blankToNull(env.get("ORIENTIR_SUPERSET_DATABASE_URI")),
                blankToNull(env.get("ORIENTIR_SUPERSET_WAREHOUSE_USER")), secret(env, "ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD"));
        // Times are shown in schedule.zone when it is configured (file or environment), else in the machine's zone.
        boolean zoneConfigured = fromFile.get("schedule.zone") || blankToNull(env.get("ORIENTIR_SCHEDULE_ZONE")) != null;
        ZoneId displayZone = zoneConfigured ? schedule.zone() : MachineZone.of(env.get("TZ"));
        MeasureCatalogue measures;
        try {
            measures = MeasureCatalogue.withOverrides(file.report().measures(), file.report().municipalRatio());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(fileName + ": " + e.getMessage() + ". Исправьте раздел report и запустите "
                    + "команду снова.");
        }
        return new OrientirConfig(home, warehouse, batchUrl, batchUser, first(secret(env, "ORIENTIR_BATCH_PASSWORD"), "", ""),
                pipeline, schedule, webhook, analytics, ingest, superset, displayZone, measures, spark);
    }

    /**
     * The ingest section of orientir.yml (aliases, sheet, settle time, mark-2 bounds) and the pseudonymisation key from
     * {@code env}: {@link #load}'s {@link #ingest()}.
     */
    public static IngestSettings ingestSettings(Map<String, String> env) {
        return load(env).ingest();
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
        if (config.superset().configured()) {
            checkPassword(env, "SUPERSET_PASSWORD", config.superset().password());
            checkPassword(env, "ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD", config.superset().readerPassword());
        }
        checkPseudonymKey(env, config.ingest().pseudonymKey());
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

    private static void checkPseudonymKey(Map<String, String> env, byte[] configured) {
        if (configured == null) {
            return;
        }
        String key = new String(configured, StandardCharsets.UTF_8);
        String where = source(env, "ORIENTIR_PSEUDONYM_KEY");
        if (isPlaceholder(key)) {
            throw new ConfigException(where + ": это образец («change-me…»), а не ключ. Создайте ключ не короче "
                    + MIN_KEY_BYTES + " байт (например, openssl rand -base64 48 > secrets/pseudonym.key) и перезапустите.");
        }
        int bytes = configured.length;
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

    /**
     * The same configuration with the embedded warehouse and job repository under another home (the demo's): no
     * schedule store, no webhook; analytics, ingest and Superset as configured.
     */
    public OrientirConfig embeddedAt(Path otherHome) {
        return new OrientirConfig(otherHome, WarehouseSettings.embedded(otherHome), defaultBatchUrl(otherHome), "sa", "",
                pipeline, ScheduleSettings.defaults(otherHome), null, analytics, ingest, superset, displayZone, measures, spark);
    }

    /** Passwords and the pseudonymisation key never reach a log line. */
    @Override
    public String toString() {
        return "OrientirConfig[home=" + home + ", warehouse=" + warehouse + ", batch=" + batchUrl + " (" + batchUser + "), "
                + pipeline + ", " + schedule + ", alert=" + (alertWebhook != null) + ", " + superset + ", " + spark + "]";
    }

    /**
     * The embedded H2 job repository under {@code home}. WRITE_DELAY=0: a commit is on disk before the next step
     * starts, so kill -9 never loses a completed step or chunk (H2's default flushes later). DB_CLOSE_ON_EXIT=FALSE:
     * on SIGTERM the schedule still records the stopped run after H2's own shutdown hook ran.
     */
    private static String defaultBatchUrl(Path home) {
        return "jdbc:h2:file:" + home.resolve("jobrepo").resolve("batch") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The file, bound; empty when ORIENTIR_CONFIG is not set and ./orientir.yml does not exist. */
    private static ConfigFile readFile(String configured, String name) {
        Path file = Path.of(configured != null ? configured : DEFAULT_FILE);
        if (!Files.exists(file)) {
            if (configured != null) {
                throw new ConfigException("Файл конфигурации не найден: " + file.toAbsolutePath() + " (ORIENTIR_CONFIG). "
                        + "Укажите в ORIENTIR_CONFIG существующий файл или уберите переменную и запустите команду снова.");
            }
            return ConfigFile.EMPTY;
        }
        return ConfigFile.read(file, name);
    }

    /**
     * The environment's value, else the file's, else {@code fallback}; blank counts as not set. Notes in
     * {@code fromFile} whether the file's value was taken.
     */
    private static String pick(Map<String, Boolean> fromFile, String key, String fromEnv, String inFile, String fallback) {
        boolean envSet = fromEnv != null && !fromEnv.isBlank();
        fromFile.put(key, !envSet && inFile != null && !inFile.isBlank());
        return first(fromEnv, inFile, fallback);
    }

    /** Settings built from picked values: an error about a value the file gave starts with the file. */
    private static <T> T naming(String fileName, Map<String, Boolean> fromFile, Supplier<T> build) {
        try {
            return build.get();
        } catch (ConfigException e) {
            String message = e.getMessage();
            boolean aboutTheFile = fromFile.entrySet().stream().anyMatch(k -> k.getValue()
                    && (message.startsWith(k.getKey() + " ") || message.startsWith(k.getKey() + ":")));
            if (aboutTheFile) {
                throw new ConfigException(fileName + ": " + message);
            }
            throw e;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
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

    private static String first(String a, String b, String fallback) {
        return a != null && !a.isBlank() ? a : (b != null && !b.isBlank() ? b : fallback);
    }
}
