package ru.orientir.jobs.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.analytics.lists.ListRuleSettings;
import ru.orientir.etl.analytics.warning.EarlyWarningSettings;
import ru.orientir.jobs.schedule.ScheduleSettings;
import ru.orientir.warehouse.Engine;

/**
 * issue 17, item 6: the whole of orientir.yml is bound to typed records; a misspelt or unknown key anywhere stops
 * every command with the key's full path, the file and the nearest valid key; a wrong type with the key and the file.
 */
class ConfigFileTest {
    private static final String AGAIN = " Исправьте ключ и запустите команду снова.";

    @TempDir
    Path dir;

    // --- the worked examples --------------------------------------------------------------------------------------

    @Test
    void aMisspeltNestedKeyNamesTheKeyTheFileAndTheNearestKey() {
        assertMessage("warehouse:\n  ulr: jdbc:clickhouse://ch:8123/orientir\n",
                "orientir.yml: неизвестный ключ «warehouse.ulr». Возможно, имелось в виду «warehouse.url»." + AGAIN);
        assertMessage("schedule:\n  corn: \"0 0 2 * * ?\"\n",
                "orientir.yml: неизвестный ключ «schedule.corn». Возможно, имелось в виду «schedule.cron»." + AGAIN);
        assertMessage("schedule:\n  store: {ulr: jdbc:postgresql://pg:5432/q}\n",
                "orientir.yml: неизвестный ключ «schedule.store.ulr». Возможно, имелось в виду «schedule.store.url»." + AGAIN);
        assertMessage("pipeline:\n  retry_delay: 5m\n",
                "orientir.yml: неизвестный ключ «pipeline.retry_delay». Возможно, имелось в виду «pipeline.retry-delay»." + AGAIN);
        assertMessage("pipeline:\n  keepRuns: 3\n",
                "orientir.yml: неизвестный ключ «pipeline.keepRuns». Возможно, имелось в виду «pipeline.keep-runs»." + AGAIN);
        assertMessage("alert:\n  web-hook: https://x\n",
                "orientir.yml: неизвестный ключ «alert.web-hook». Возможно, имелось в виду «alert.webhook»." + AGAIN);
        assertMessage("batch:\n  usr: sa\n",
                "orientir.yml: неизвестный ключ «batch.usr». Возможно, имелось в виду «batch.user»." + AGAIN);
    }

    @Test
    void aMisspeltTopLevelSection() {
        assertMessage("warehose:\n  url: jdbc:clickhouse://ch:8123/orientir\n",
                "orientir.yml: неизвестный ключ «warehose». Возможно, имелось в виду «warehouse»." + AGAIN);
        assertMessage("anlytics:\n  markers: {share: 0.2}\n",
                "orientir.yml: неизвестный ключ «anlytics». Возможно, имелось в виду «analytics»." + AGAIN);
        assertMessage("schedules: {cron: \"0 0 2 * * ?\"}\n",
                "orientir.yml: неизвестный ключ «schedules». Возможно, имелось в виду «schedule»." + AGAIN);
    }

    @Test
    void anUnknownKeyWithNoNearMatchListsTheValidKeys() {
        assertMessage("colour: red\n", "orientir.yml: неизвестный ключ «colour». Допустимые ключи верхнего уровня: alert, "
                + "analytics, batch, home, ingest, pipeline, report, schedule, warehouse." + AGAIN);
        assertMessage("schedule:\n  timetable: nightly\n", "orientir.yml: неизвестный ключ «schedule.timetable». Допустимые "
                + "ключи в «schedule»: cron, inbox, overlap, store, zone." + AGAIN);
        assertMessage("superset:\n  url: http://superset:8088\n", "orientir.yml: неизвестный ключ «superset». Допустимые "
                + "ключи верхнего уровня: ");
    }

    @Test
    void aSecretInTheFileIsRefusedWithTheVariableToUseInstead() {
        assertMessage("warehouse:\n  url: jdbc:clickhouse://ch:8123/o\n  password: hunter2hunter2\n",
                "orientir.yml: ключ «warehouse.password» не допускается: секреты (пароли, ключи) в файле конфигурации не "
                        + "хранятся. Уберите его из файла и задайте переменную окружения ORIENTIR_WAREHOUSE_PASSWORD (или "
                        + "ORIENTIR_WAREHOUSE_PASSWORD_FILE — путь к файлу с секретом), затем запустите команду снова.");
        assertMessage("schedule:\n  store: {password: x}\n", "ORIENTIR_QUARTZ_PASSWORD");
        assertMessage("alert:\n  token: abc\n", "ключ «alert.token» не допускается");
    }

    @Test
    void wrongTypesNameTheKeyAndTheFile() {
        assertMessage("pipeline:\n  retries: много\n", "orientir.yml: pipeline.retries: значение «много» не подходит "
                + "(ожидается целое число). Исправьте значение и запустите команду снова.");
        assertMessage("pipeline:\n  keep-runs: 2.5\n", "orientir.yml: pipeline.keep-runs: значение «2.5» не подходит "
                + "(ожидается целое число). Исправьте значение и запустите команду снова.");
        assertMessage("warehouse: [jdbc:clickhouse://ch:8123/o]\n", "orientir.yml: warehouse: неверный тип значения "
                + "(ожидается словарь ключей, а указан список).");
        assertMessage("warehouse: jdbc:clickhouse://ch:8123/o\n", "orientir.yml: warehouse: неверный тип значения "
                + "(ожидается словарь ключей, а указан текст).");
        assertMessage("schedule:\n  store: jdbc:postgresql://pg/q\n", "orientir.yml: schedule.store: неверный тип значения");
        assertMessage("alert: https://chat.example.org/hooks/orientir\n", "orientir.yml: alert: неверный тип значения "
                + "(ожидается словарь ключей, а указан текст).");
        assertMessage("warehouse:\n  url: {host: ch}\n", "orientir.yml: warehouse.url: неверный тип значения (ожидается "
                + "текст, а указан словарь).");
        assertMessage("analytics: 5\n", "orientir.yml: analytics должен быть словарём настроек");
        assertMessage("- home\n- warehouse\n", "orientir.yml: файл должен быть словарём ключей");
    }

    @Test
    void aKeyWrittenTwiceAndBrokenYamlAreRussianErrors() {
        assertMessage("warehouse:\n  url: a\nwarehouse:\n  user: b\n", "orientir.yml: ключ «warehouse» записан дважды");
        assertMessage("schedule:\n  cron: a\n  cron: b\n", "orientir.yml: ключ «schedule.cron» записан дважды");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.parse("warehouse:\n  url: [a\n", "orientir.yml"));
        assertTrue(e.getMessage().startsWith("orientir.yml: файл не читается как YAML (строка "), e.getMessage());
        assertTrue(e.getMessage().split("\n")[0].contains("запустите команду снова"), "Russian on the first line, the "
                + "parser's detail on the next: " + e.getMessage());
    }

    @Test
    void anEmptyFileOrEmptySectionsAreTheDefaults() {
        assertEquals(ConfigFile.EMPTY, ConfigFile.parse("", "orientir.yml"));
        assertEquals(ConfigFile.EMPTY, ConfigFile.parse("# только комментарий\n", "orientir.yml"));
        assertEquals(ConfigFile.EMPTY, ConfigFile.parse("warehouse:\nschedule:\nanalytics:\n", "orientir.yml"));
    }

    // --- through OrientirConfig.load: the file's own name, the environment ---------------------------------------

    @Test
    void theMessageNamesTheFileOfOrientirConfigAndStopsLoading() throws Exception {
        Path yml = Files.writeString(dir.resolve("prod.yml"), "warehouse:\n  ulr: jdbc:clickhouse://ch:8123/o\n");
        ConfigException e = assertThrows(ConfigException.class, () -> OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString())));
        assertEquals(yml + ": неизвестный ключ «warehouse.ulr». Возможно, имелось в виду «warehouse.url»." + AGAIN, e.getMessage());
        // the environment overriding the key does not hide the typo
        assertThrows(ConfigException.class, () -> OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString(),
                "ORIENTIR_WAREHOUSE_URL", "jdbc:clickhouse://ch:8123/o")));
        // ingest and analytics are checked with the rest, whatever the command
        Files.writeString(yml, "ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ВПР, grade: 5, subjct: м}\n");
        e = assertThrows(ConfigException.class, () -> OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString())));
        assertTrue(e.getMessage().startsWith(yml + ": неизвестный ключ «ingest.mark2-bounds[1].subjct». Возможно, имелось "
                + "в виду «ingest.mark2-bounds[1].subject»."), e.getMessage());
    }

    @Test
    void aBadValueFromTheFileNamesTheFileAndFromTheEnvironmentTheVariable() throws Exception {
        Path yml = Files.writeString(dir.resolve("orientir.yml"), "schedule:\n  zone: Moscow\n");
        ConfigException e = assertThrows(ConfigException.class, () -> OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString())));
        assertTrue(e.getMessage().startsWith(yml + ": schedule.zone (ORIENTIR_SCHEDULE_ZONE): «Moscow» — неизвестный "
                + "часовой пояс"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> OrientirConfig.load(env("ORIENTIR_SCHEDULE_ZONE", "Moscow")));
        assertTrue(e.getMessage().startsWith("schedule.zone (ORIENTIR_SCHEDULE_ZONE): «Moscow»"), e.getMessage());
        Files.writeString(yml, "pipeline:\n  retries: 500\n");
        e = assertThrows(ConfigException.class, () -> OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString())));
        assertTrue(e.getMessage().startsWith(yml + ": pipeline.retries: 500 вне допустимых пределов"), e.getMessage());
        Files.writeString(yml, "pipeline:\n  retry-delay: скоро\n");
        e = assertThrows(ConfigException.class, () -> OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString())));
        assertTrue(e.getMessage().startsWith(yml + ": pipeline.retry-delay"), e.getMessage());
    }

    @Test
    void aFullValidFileLoadsEveryKey() throws Exception {
        Path yml = dir.resolve("orientir.yml");
        try (var in = getClass().getResourceAsStream("orientir-full.yml")) {
            Files.write(yml, in.readAllBytes());
        }
        OrientirConfig c = OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString(), "ORIENTIR_HOME", null,
                "ORIENTIR_PSEUDONYM_KEY", "0123456789abcdef0123456789abcdef"));
        assertEquals(Path.of("/var/lib/orientir"), c.home());
        assertEquals(Engine.CLICKHOUSE, c.warehouse().engine());
        assertEquals("jdbc:clickhouse://clickhouse:8123/orientir", c.warehouse().jdbcUrl());
        assertEquals("orientir", c.warehouse().user());
        assertEquals("jdbc:postgresql://postgres:5432/orientir_batch", c.batchUrl());
        assertEquals("orientir_batch", c.batchUser());
        assertEquals(4, c.pipeline().retries());
        assertEquals(Duration.ofMinutes(5), c.pipeline().retryDelay());
        assertEquals(7, c.pipeline().keepRuns());
        assertEquals("0 30 3 * * ?", c.schedule().cron());
        assertEquals(ZoneId.of("Asia/Novosibirsk"), c.schedule().zone());
        assertEquals(ZoneId.of("Asia/Novosibirsk"), c.displayZone(), "times are shown in the configured zone");
        assertEquals(ScheduleSettings.Overlap.SKIP, c.schedule().overlap());
        assertEquals(Path.of("/srv/inbox"), c.schedule().inbox());
        assertEquals("jdbc:postgresql://postgres:5432/orientir_quartz", c.schedule().storeUrl());
        assertEquals("orientir_quartz", c.schedule().storeUser());
        assertEquals("https://chat.example.org/hooks/orientir", c.alertWebhook());
        assertEquals("Результаты", c.ingest().sheetName());
        assertEquals("school_id", c.ingest().aliases().canonical("Код школы"));
        assertEquals("score", c.ingest().aliases().canonical("Первичный балл ВПР"));
        assertEquals(Duration.ofSeconds(30), c.ingest().settleInterval());
        assertEquals(14.5, c.ingest().mark2Bounds().find(2024, "ОГЭ", 9, "русский язык").maxScoreFor2());
        assertArrayEquals("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), c.ingest().pseudonymKey());
        assertEquals(7, c.analytics().markers().minParticipants());
        assertEquals(ListRuleSettings.Combine.AND, c.analytics().list().combine());
        assertEquals(3, c.analytics().clusters().trendYears());
        assertEquals(500, c.analytics().risks().populationHigh());
        assertEquals("русский язык", c.analytics().subjectNames().canonical("РЯ"));
        assertTrue(c.analytics().resilience().consecutiveYears());
        assertEquals(new EarlyWarningSettings(0.4, 0.15, 4, 20, 0.1), c.analytics().earlyWarning());
    }

    @Test
    void theEnvironmentStillOverridesTheFile() throws Exception {
        Path yml = dir.resolve("orientir.yml");
        try (var in = getClass().getResourceAsStream("orientir-full.yml")) {
            Files.write(yml, in.readAllBytes());
        }
        OrientirConfig c = OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString(),
                "ORIENTIR_WAREHOUSE_URL", "jdbc:duckdb:" + dir.resolve("w.duckdb"),
                "ORIENTIR_BATCH_JDBC_URL", "jdbc:h2:mem:b", "ORIENTIR_BATCH_USER", "sb",
                "ORIENTIR_PIPELINE_RETRIES", "1", "ORIENTIR_PIPELINE_RETRY_DELAY", "10s", "ORIENTIR_PIPELINE_KEEP_RUNS", "2",
                "ORIENTIR_SCHEDULE_CRON", "0 0 4 * * ?", "ORIENTIR_SCHEDULE_ZONE", "UTC", "ORIENTIR_SCHEDULE_OVERLAP", "wait",
                "ORIENTIR_SCHEDULE_INBOX", dir.resolve("in").toString(), "ORIENTIR_QUARTZ_JDBC_URL", "jdbc:postgresql://pg:5432/q2",
                "ORIENTIR_QUARTZ_USER", "q2", "ORIENTIR_ALERT_WEBHOOK", "http://127.0.0.1:9/hook"));
        assertEquals(dir, c.home());
        assertEquals(Engine.DUCKDB, c.warehouse().engine());
        assertEquals("jdbc:h2:mem:b", c.batchUrl());
        assertEquals("sb", c.batchUser());
        assertEquals(1, c.pipeline().retries());
        assertEquals(Duration.ofSeconds(10), c.pipeline().retryDelay());
        assertEquals(2, c.pipeline().keepRuns());
        assertEquals("0 0 4 * * ?", c.schedule().cron());
        assertEquals(ZoneId.of("UTC"), c.schedule().zone());
        assertEquals(ScheduleSettings.Overlap.WAIT, c.schedule().overlap());
        assertEquals(dir.resolve("in"), c.schedule().inbox());
        assertEquals("jdbc:postgresql://pg:5432/q2", c.schedule().storeUrl());
        assertEquals("q2", c.schedule().storeUser());
        assertEquals("http://127.0.0.1:9/hook", c.alertWebhook());
        // a blank variable (docker-compose's ORIENTIR_ALERT_WEBHOOK: "") leaves the file's value
        assertEquals("https://chat.example.org/hooks/orientir", OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString(),
                "ORIENTIR_HOME", dir.toString(), "ORIENTIR_ALERT_WEBHOOK", "")).alertWebhook());
    }

    @Test
    void supersetAndThePseudonymKeyComeFromTheEnvironmentOnly() throws Exception {
        Path password = Files.writeString(dir.resolve("superset.pw"), "superset-admin-password\n");
        OrientirConfig c = OrientirConfig.load(env("SUPERSET_URL", "http://superset:8088/", "SUPERSET_USERNAME", "admin",
                "SUPERSET_PASSWORD_FILE", password.toString(), "ORIENTIR_SUPERSET_DATABASE_URI", "duckdb:////data/w.duckdb",
                "ORIENTIR_SUPERSET_WAREHOUSE_USER", "reader", "ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD", "reader-password-long"));
        var s = c.superset().settings().orElseThrow();
        assertEquals("http://superset:8088", s.url().toString());
        assertEquals("superset-admin-password", s.password());
        assertEquals("duckdb:////data/w.duckdb", s.databaseUriOverride());
        assertEquals("reader", s.reader().user());
        assertTrue(!c.toString().contains("superset-admin-password") && !c.toString().contains("reader-password-long"),
                c.toString());
        OrientirConfig none = OrientirConfig.load(env());
        assertTrue(none.superset().settings().isEmpty());
        assertNull(none.ingest().pseudonymKey());
        assertEquals(IngestConfig.DEFAULT_SETTLE, none.ingest().settleInterval());
        IllegalArgumentException noCredentials = assertThrows(IllegalArgumentException.class,
                () -> OrientirConfig.load(env("SUPERSET_URL", "http://s:8088")).superset().settings());
        assertTrue(noCredentials.getMessage().contains("SUPERSET_USERNAME"), noCredentials.getMessage());
    }

    @Test
    void theDemoKeepsTheIngestAnalyticsAndSupersetSettings() throws Exception {
        Path yml = Files.writeString(dir.resolve("orientir.yml"), "ingest: {sheet: Лист}\nanalytics: {markers: {share: 0.2}}\n");
        OrientirConfig c = OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString(), "SUPERSET_URL", "http://s:8088",
                "SUPERSET_USERNAME", "admin", "SUPERSET_PASSWORD", "superset-admin-password"));
        OrientirConfig demo = c.embeddedAt(dir.resolve("demo"));
        assertEquals("Лист", demo.ingest().sheetName());
        assertEquals(0.2, demo.analytics().markers().share());
        assertEquals(c.superset(), demo.superset());
        assertTrue(demo.batchUrl().contains(";WRITE_DELAY=0"), demo.batchUrl());
    }

    @Test
    void displayZoneIsTheConfiguredOneElseTheMachines() throws Exception {
        assertEquals(ZoneId.of("Asia/Vladivostok"), OrientirConfig.load(env("TZ", "Asia/Vladivostok")).displayZone(),
                "no zone configured: the machine's (TZ)");
        assertEquals(ZoneId.of("Europe/Kaliningrad"), OrientirConfig.load(env("TZ", "Asia/Vladivostok",
                "ORIENTIR_SCHEDULE_ZONE", "Europe/Kaliningrad")).displayZone());
        Path yml = Files.writeString(dir.resolve("orientir.yml"), "schedule: {zone: Europe/Moscow}\n");
        assertEquals(ZoneId.of("Europe/Moscow"), OrientirConfig.load(env("TZ", "Asia/Vladivostok", "ORIENTIR_CONFIG",
                yml.toString())).displayZone(), "configured, even when it is the schedule's default");
    }

    // --- the set of keys --------------------------------------------------------------------------------------------

    /** Every key read anywhere is valid, and nothing else: the list below is the file's whole vocabulary. */
    @Test
    void theValidKeysAreExactlyTheKeysReadAnywhere() {
        assertEquals(List.of("home", "warehouse.url", "warehouse.user", "warehouse.cluster", "batch.url", "batch.user", "pipeline.retries",
                "pipeline.retry-delay", "pipeline.keep-runs", "schedule.cron", "schedule.zone", "schedule.overlap",
                "schedule.inbox", "schedule.store.url", "schedule.store.user", "alert.webhook", "ingest.sheet",
                "ingest.aliases.<столбец>", "ingest.settle-seconds", "ingest.mark2-bounds[].year",
                "ingest.mark2-bounds[].procedure", "ingest.mark2-bounds[].grade", "ingest.mark2-bounds[].subject",
                "ingest.mark2-bounds[].max-score-for-2", "analytics", "report.municipal-ratio",
                "report.measures.<столбец>"), keys(ConfigFile.class, ""));
    }

    static List<String> keys(Class<?> record, String prefix) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            var explicit = c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            String key = prefix + (explicit != null ? explicit.value()
                    : PropertyNamingStrategies.KebabCaseStrategy.INSTANCE.translate(c.getName()));
            keys.addAll(keysOf(c.getType(), c.getGenericType(), key));
        }
        return keys;
    }

    private static List<String> keysOf(Class<?> type, Type generic, String key) {
        if (type.isRecord()) {
            return keys(type, key + ".");
        }
        if (List.class.isAssignableFrom(type) && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
            return keys(item, key + "[].");
        }
        if (Map.class.isAssignableFrom(type)) {
            return List.of(key + ".<столбец>");
        }
        return List.of(key);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("ORIENTIR_HOME", dir.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        env.values().removeIf(java.util.Objects::isNull);
        return env;
    }

    /** Issue 15: the brief's catalogue of measures is replaced field by field; a misspelt type or field stops it. */
    @Test
    void theCatalogueOfMeasuresIsReplacedFieldByField() throws Exception {
        Path yml = Files.writeString(dir.resolve("orientir.yml"), """
                report:
                  municipal-ratio: 1.5
                  measures:
                    marker: {deadline: "05-15", measure: "Методический десант по предмету ({предмет})"}
                """);
        var catalogue = OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString())).measures();
        assertEquals(1.5, catalogue.municipalRatio());
        assertEquals("05-15", catalogue.entry("marker").deadline());
        assertEquals("Методический десант по предмету ({предмет})", catalogue.entry("marker").measure());
        assertEquals(ru.orientir.dashboards.report.MeasureCatalogue.Target.THRESHOLD, catalogue.entry("marker").target());
        assertEquals(ru.orientir.dashboards.report.MeasureCatalogue.defaults().entry("vacancies"),
                catalogue.entry("vacancies"));

        Files.writeString(yml, "report:\n  measures:\n    markers: {deadline: \"05-15\"}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString())));
        assertTrue(e.getMessage().contains("report.measures.markers: такого типа проблем нет; есть: marker, "), e.getMessage());
        Files.writeString(yml, "report:\n  measures:\n    marker: {deadline: \"31.05\"}\n");
        e = assertThrows(ConfigException.class, () -> OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString())));
        assertTrue(e.getMessage().contains("срок меры «31.05» — ожидается месяц и день: ММ-ДД"), e.getMessage());
        Files.writeString(yml, "report:\n  measures:\n    marker: {target: lower}\n");
        e = assertThrows(ConfigException.class, () -> OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString())));
        assertTrue(e.getMessage().contains("report.measures.marker.target: «lower» — ожидается threshold, region, zero "
                + "или done"), e.getMessage());
    }

    /** {@code yaml} as orientir.yml stops loading with a message that starts with, or holds, {@code expected}. */
    private static void assertMessage(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> {
            ConfigFile file = ConfigFile.parse(yaml, "orientir.yml");
            AnalyticsConfig.parse(file.analytics(), "orientir.yml");
            IngestConfig.parse(file.ingest(), null, "orientir.yml");
        });
        assertTrue(e.getMessage().startsWith("orientir.yml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected «" + expected + "» in\n" + e.getMessage());
    }
}
