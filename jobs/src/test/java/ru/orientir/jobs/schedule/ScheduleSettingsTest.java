package ru.orientir.jobs.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.jobs.config.ConfigException;
import ru.orientir.jobs.config.OrientirConfig;

/** Schedule and retry settings from orientir.yml and the environment, checked at start-up with messages that say what to write. */
class ScheduleSettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTwoAtNightInMoscowWaitingInMemory() {
        OrientirConfig c = OrientirConfig.load(Map.of("ORIENTIR_HOME", dir.toString()));
        assertEquals("0 0 2 * * ?", c.schedule().cron());
        assertEquals(ZoneId.of("Europe/Moscow"), c.schedule().zone());
        assertEquals(ScheduleSettings.Overlap.WAIT, c.schedule().overlap());
        assertEquals(dir.resolve("inbox"), c.schedule().inbox());
        assertTrue(!c.schedule().jdbcStore());
        assertEquals(2, c.pipeline().retries());
        assertEquals(Duration.ofSeconds(30), c.pipeline().retryDelay());
    }

    @Test
    void yamlAndEnvironment() throws Exception {
        Path yml = dir.resolve("orientir.yml");
        Files.writeString(yml, """
                schedule:
                  cron: "0 30 3 * * ?"
                  zone: Asia/Yekaterinburg
                  overlap: skip
                  inbox: /data/inbox
                pipeline:
                  retries: 5
                  retry-delay: 2m
                """);
        OrientirConfig c = OrientirConfig.load(Map.of("ORIENTIR_CONFIG", yml.toString(), "ORIENTIR_HOME", dir.toString(),
                "ORIENTIR_PIPELINE_RETRY_DELAY", "PT10S", "ORIENTIR_QUARTZ_JDBC_URL", "jdbc:postgresql://pg:5432/orientir_quartz",
                "ORIENTIR_ALERT_WEBHOOK", "http://127.0.0.1:9/hook"));
        assertEquals("0 30 3 * * ?", c.schedule().cron());
        assertEquals(ZoneId.of("Asia/Yekaterinburg"), c.schedule().zone());
        assertEquals(ScheduleSettings.Overlap.SKIP, c.schedule().overlap());
        assertEquals(Path.of("/data/inbox"), c.schedule().inbox());
        assertEquals(5, c.pipeline().retries());
        assertEquals(Duration.ofSeconds(10), c.pipeline().retryDelay());
        assertTrue(c.schedule().jdbcStore());
        assertEquals("http://127.0.0.1:9/hook", c.alertWebhook());
    }

    @Test
    void badValuesSayWhatAndWhere() {
        assertMessage(Map.of("ORIENTIR_SCHEDULE_CRON", "every night"), "schedule.cron (ORIENTIR_SCHEDULE_CRON): «every night»");
        assertMessage(Map.of("ORIENTIR_SCHEDULE_ZONE", "Moscow"), "schedule.zone (ORIENTIR_SCHEDULE_ZONE): «Moscow»");
        assertMessage(Map.of("ORIENTIR_SCHEDULE_OVERLAP", "queue"), "ожидается wait");
        assertMessage(Map.of("ORIENTIR_PIPELINE_RETRIES", "two"), "pipeline.retries (ORIENTIR_PIPELINE_RETRIES): «two»");
        assertMessage(Map.of("ORIENTIR_PIPELINE_RETRY_DELAY", "soon"), "pipeline.retry-delay");
        assertMessage(Map.of("ORIENTIR_QUARTZ_JDBC_URL", "jdbc:mysql://x/y"), "ожидается jdbc:postgresql:");
    }

    private void assertMessage(Map<String, String> env, String expected) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("ORIENTIR_HOME", dir.toString());
        ConfigException e = assertThrows(ConfigException.class, () -> OrientirConfig.load(all));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
