package ru.orientir.jobs.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.impl.SchedulerRepository;

import ru.orientir.jobs.testing.LocalPostgres;

/**
 * Two scheduler instances on one PostgreSQL job store (Quartz JobStoreTX, clustered), as two containers of the app in
 * docker-compose would be: every trigger runs the pipeline once, never on both, never two runs at once.
 */
class ClusteredSchedulerTest {
    private static LocalPostgres postgres;
    private static String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = LocalPostgres.start();
        url = postgres.createDatabase("orientir_quartz");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoInstancesRunThePipelineOncePerTrigger() throws Exception {
        ScheduleSettings settings = new ScheduleSettings("*/2 * * * * ?", ZoneId.of("Europe/Moscow"),
                ScheduleSettings.Overlap.WAIT, Path.of("/tmp/inbox"), url, postgres.user(), null);
        CountingLauncher launcher = new CountingLauncher(500);
        List<NightlyScheduler> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                instances.add(new NightlyScheduler(settings, launcher, "orientir", null, 1_000));
                // Quartz keeps one scheduler per name in a JVM-wide registry; two processes would each have their own.
                SchedulerRepository.getInstance().remove("orientir");
            }
            for (NightlyScheduler s : instances) {
                s.start();
            }
            assertTrue(!instances.get(0).instanceId().equals(instances.get(1).instanceId()), "the instances share an id");
            NightlySchedulerTest.waitUntil(() -> launcher.runs.size() >= 4, 20_000);
        } finally {
            for (NightlyScheduler s : instances) {
                s.close();
            }
        }
        List<Instant> runs = launcher.runs;
        assertTrue(runs.size() >= 4, "runs: " + runs);
        assertEquals(1, launcher.maxConcurrent.get(), "two runs at once: " + runs);
        // One run per trigger: no trigger (scheduled fire time) ran twice, on either instance.
        assertEquals(launcher.dueTimes.size(), new java.util.HashSet<>(launcher.dueTimes).size(),
                "a trigger ran twice: " + launcher.dueTimes);
    }
}
