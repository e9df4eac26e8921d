package ru.orientir.jobs.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The schedule on Quartz's in-memory store, with a seconds-level cron and a stand-in for the pipeline. */
class NightlySchedulerTest {
    private static final Path INBOX = Path.of("/tmp/inbox");

    private static ScheduleSettings everySecond(ScheduleSettings.Overlap overlap) {
        return new ScheduleSettings("* * * * * ?", ZoneId.of("Europe/Moscow"), overlap, INBOX, null, null, null);
    }

    @Test
    void aSecondsLevelCronFiresRuns() throws Exception {
        CountingLauncher launcher = new CountingLauncher(0);
        try (NightlyScheduler scheduler = new NightlyScheduler(everySecond(ScheduleSettings.Overlap.WAIT), launcher,
                "test-fires", null)) {
            scheduler.start();
            waitUntil(() -> launcher.runs.size() >= 3, 8_000);
        }
        assertTrue(launcher.runs.size() >= 3, "runs: " + launcher.runs);
    }

    @Test
    void aTriggerDuringALongRunIsSkippedWhenOverlapIsSkip() throws Exception {
        CountingLauncher launcher = new CountingLauncher(2_500);
        try (NightlyScheduler scheduler = new NightlyScheduler(everySecond(ScheduleSettings.Overlap.SKIP), launcher,
                "test-skip", null)) {
            scheduler.start();
            waitUntil(() -> launcher.runs.size() >= 2, 12_000);
        }
        assertEquals(1, launcher.maxConcurrent.get(), "two runs at once");
        assertTrue(launcher.runs.size() >= 2, "runs: " + launcher.runs);
        assertFalse(launcher.skipped.isEmpty(), "the triggers due during the 2.5 s run were not reported as skipped");
        // Runs start at least a run's length apart: a held trigger never started a second run beside the first.
        for (int i = 1; i < launcher.runs.size(); i++) {
            assertTrue(launcher.runs.get(i).toEpochMilli() - launcher.runs.get(i - 1).toEpochMilli() >= 2_500, "runs: " + launcher.runs);
        }
    }

    @Test
    void aTriggerDuringALongRunWaitsWhenOverlapIsWait() throws Exception {
        CountingLauncher launcher = new CountingLauncher(2_000);
        try (NightlyScheduler scheduler = new NightlyScheduler(everySecond(ScheduleSettings.Overlap.WAIT), launcher,
                "test-wait", null)) {
            scheduler.start();
            waitUntil(() -> launcher.runs.size() >= 2, 10_000);
        }
        assertEquals(1, launcher.maxConcurrent.get(), "two runs at once");
        assertTrue(launcher.skipped.isEmpty());
        assertTrue(launcher.runs.get(1).toEpochMilli() - launcher.runs.get(0).toEpochMilli() >= 2_000, "runs: " + launcher.runs);
    }

    @Test
    void aNightMissedWhileStoppedRunsOnceAtStart() throws Exception {
        // Last scheduled run two days ago at 02:00 Moscow; the nights since were missed: one run now, not two.
        Instant twoDaysAgo = ZonedDateTime.now(ZoneId.of("Europe/Moscow")).minusDays(2).withHour(2).withMinute(0).toInstant();
        CountingLauncher launcher = new CountingLauncher(0) {
            @Override
            public Optional<Instant> lastScheduledRun() {
                return Optional.of(twoDaysAgo);
            }
        };
        ScheduleSettings nightly = new ScheduleSettings(ScheduleSettings.DEFAULT_CRON, ZoneId.of("Europe/Moscow"),
                ScheduleSettings.Overlap.WAIT, INBOX, null, null, null);
        try (NightlyScheduler scheduler = new NightlyScheduler(nightly, launcher, "test-misfire", null)) {
            scheduler.start();
            waitUntil(() -> !launcher.runs.isEmpty(), 8_000);
            Thread.sleep(1_000);
            assertTrue(scheduler.nextFireTime().toInstant().isAfter(Instant.now()), "next: " + scheduler.nextFireTime());
        }
        assertEquals(1, launcher.runs.size(), "runs: " + launcher.runs);
    }

    @Test
    void aTriggerHeldByARunIsToldFromOneMissedWhileDown() {
        ScheduleSettings hourly = new ScheduleSettings("0 0 * * * ?", ZoneId.of("UTC"), ScheduleSettings.Overlap.SKIP, INBOX,
                null, null, null);
        long h = 3_600_000;
        long base = 1_000 * h; // a whole hour, UTC
        // run 00:30–01:30, fired at 01:30 for 01:00: held by the run
        assertTrue(PipelineRunJob.dueDuringRun(hourly, base + h / 2, base + h + h / 2, base + h + h / 2 + 10));
        // run 00:30–00:40, fired at 05:00 after downtime: not held, runs
        assertFalse(PipelineRunJob.dueDuringRun(hourly, base + h / 2, base + h / 2 + 600_000, base + 5 * h + 10));
        // run 00:30–01:30, but it is now 03:10 (02:00 and 03:00 came after the run): not held
        assertFalse(PipelineRunJob.dueDuringRun(hourly, base + h / 2, base + h + h / 2, base + 3 * h + 600_000));
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
    }
}
