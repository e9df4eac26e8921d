package ru.orientir.jobs.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container's health: unhealthy when the last scheduled run failed or a due run never started, not only when the
 * heartbeat thread died; the verdict travels in the heartbeat file that docker-compose's health check reads.
 */
class ScheduleHealthTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ScheduleSettings NIGHTLY = new ScheduleSettings(ScheduleSettings.DEFAULT_CRON, MOSCOW,
            ScheduleSettings.Overlap.WAIT, Path.of("/tmp/inbox"), null, null, null);
    /** 2026-11-30 03:00 Moscow: an hour after tonight's 02:00 run came due. */
    private static final Instant NOW = ZonedDateTime.of(2026, 11, 30, 3, 0, 0, 0, MOSCOW).toInstant();
    private static final Instant TONIGHT = ZonedDateTime.of(2026, 11, 30, 2, 0, 0, 0, MOSCOW).toInstant();
    private static final Instant LAST_NIGHT = TONIGHT.minusSeconds(86_400);
    private static final Instant WEEK_AGO = NOW.minusSeconds(7 * 86_400);

    private static ScheduleHealth.Verdict judge(Instant lastDue, String status, boolean running) {
        ScheduleHealth.Outcome last = status == null ? null : new ScheduleHealth.Outcome(status,
                status.equals("failed") ? "хранилище недоступно:\nConnection refused" : null);
        return ScheduleHealth.judge(NIGHTLY, new ScheduleHealth.State(WEEK_AGO, lastDue, last,
                lastDue == null ? null : lastDue.plusSeconds(600), running), NOW);
    }

    @Test
    void tonightsRunSucceeded() {
        ScheduleHealth.Verdict v = judge(TONIGHT, "succeeded", false);
        assertTrue(v.healthy(), v.reason());
    }

    @Test
    void theLastRunFailed() {
        ScheduleHealth.Verdict v = judge(TONIGHT, "failed", false);
        assertFalse(v.healthy());
        assertTrue(v.reason().contains("завершился со статусом failed: хранилище недоступно: Connection refused"), v.reason());
        assertTrue(v.reason().contains("bin/orientir status"), v.reason());
        assertFalse(judge(TONIGHT, "partial", false).healthy(), "partial: published, but a file or the sync failed");
        assertTrue(judge(TONIGHT, "stopped", false).healthy(), "a run stopped by SIGTERM resumes at the next start");
    }

    @Test
    void tonightsRunWasMissed() {
        ScheduleHealth.Verdict v = judge(LAST_NIGHT, "succeeded", false);
        assertFalse(v.healthy());
        assertTrue(v.reason().contains("запуск по расписанию на " + TONIGHT + " не состоялся"), v.reason());
        assertFalse(judge(null, null, false).healthy(), "a week of nights without a single run");
    }

    @Test
    void aRunInProgressOrWithinTheGraceIsNotMissed() {
        assertTrue(judge(LAST_NIGHT, "succeeded", true).healthy(), "tonight's run is still going");
        ScheduleHealth.Verdict early = ScheduleHealth.judge(NIGHTLY, new ScheduleHealth.State(WEEK_AGO, LAST_NIGHT,
                new ScheduleHealth.Outcome("succeeded", null), LAST_NIGHT, false), TONIGHT.plusSeconds(120));
        assertTrue(early.healthy(), early.reason());
        ScheduleHealth.Verdict fresh = ScheduleHealth.judge(NIGHTLY, new ScheduleHealth.State(NOW.minusSeconds(60), null,
                null, null, false), NOW);
        assertTrue(fresh.healthy(), "a scheduler started a minute ago has missed nothing: " + fresh.reason());
    }

    @Test
    void theHeartbeatFileCarriesTheVerdictOfAFailedScheduledRun(@TempDir Path dir) throws Exception {
        Path heartbeat = dir.resolve("scheduler.heartbeat");
        CountingLauncher launcher = new CountingLauncher(0) {
            @Override
            public Optional<ScheduleHealth.Outcome> lastOutcome() {
                return runs.isEmpty() ? Optional.empty()
                        : Optional.of(new ScheduleHealth.Outcome("failed", "хранилище недоступно"));
            }
        };
        ScheduleSettings everySecond = new ScheduleSettings("* * * * * ?", MOSCOW, ScheduleSettings.Overlap.WAIT,
                dir, null, null, null);
        try (NightlyScheduler scheduler = new NightlyScheduler(everySecond, launcher, "test-health-failed", heartbeat)) {
            scheduler.start();
            NightlySchedulerTest.waitUntil(() -> !launcher.runs.isEmpty() && !scheduler.health().healthy(), 8_000);
            assertFalse(scheduler.health().healthy(), scheduler.health().reason());
            assertTrue(scheduler.health().reason().contains("failed: хранилище недоступно"), scheduler.health().reason());
            NightlySchedulerTest.waitUntil(() -> read(heartbeat).contains("health=unhealthy"), 20_000);
        }
        String text = read(heartbeat);
        assertTrue(text.lines().findFirst().map(l -> Instant.parse(l) != null).orElse(false), text);
        assertTrue(text.contains("\nhealth=unhealthy\n"), text);
        assertTrue(text.contains("failed: хранилище недоступно"), text);
    }

    @Test
    void theHeartbeatFileSaysOkWhileRunsSucceed(@TempDir Path dir) throws Exception {
        Path heartbeat = dir.resolve("scheduler.heartbeat");
        CountingLauncher launcher = new CountingLauncher(0) {
            @Override
            public Optional<ScheduleHealth.Outcome> lastOutcome() {
                return Optional.of(new ScheduleHealth.Outcome("succeeded", null));
            }
        };
        try (NightlyScheduler scheduler = new NightlyScheduler(NIGHTLY, launcher, "test-health-ok", heartbeat)) {
            scheduler.start();
            NightlySchedulerTest.waitUntil(() -> Files.exists(heartbeat), 5_000);
            assertTrue(scheduler.health().healthy(), scheduler.health().reason());
        }
        assertTrue(read(heartbeat).contains("\nhealth=ok\n"), read(heartbeat));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
