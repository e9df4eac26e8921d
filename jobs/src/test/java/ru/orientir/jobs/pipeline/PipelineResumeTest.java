package ru.orientir.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.jobs.config.OrientirConfig;
import ru.orientir.jobs.export.MartExporter;
import ru.orientir.warehouse.Warehouse;

/**
 * The pipeline as a restartable job on the embedded warehouse: a run stopped between steps (as SIGTERM does) resumes
 * under its run id at the next step and ends with exactly the marts of a run never interrupted; a failing step is
 * retried per configuration; every attempt lands in meta_run_step.
 */
class PipelineResumeTest {
    @TempDir
    static Path root;
    static Path inbox;

    @BeforeAll
    static void writeInbox() throws Exception {
        inbox = root.resolve("inbox");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("reference.csv"), """
                school_id,name,municipality
                A,Школа A,Север
                B,Школа B,Север
                C,Школа C,Юг
                D,Школа D,Юг
                """);
        Files.writeString(inbox.resolve("2020.csv"), "list_year,school_id,reason\n2020,A,НОР\n2020,B,НОР\n2020,D,НОР\n");
        Files.writeString(inbox.resolve("2021.csv"), "list_year,school_id,reason\n2021,A,НОР\n2021,D,НОР\n2021,Z,НОР\n");
    }

    private static OrientirConfig config(String home, String... env) {
        Map<String, String> e = new java.util.HashMap<>(Map.of("ORIENTIR_HOME", root.resolve(home).toString()));
        for (int i = 0; i < env.length; i += 2) {
            e.put(env[i], env[i + 1]);
        }
        return OrientirConfig.load(e);
    }

    @Test
    void aStoppedRunResumesAtItsNextStepToTheResultOfACleanRun() throws Exception {
        OrientirConfig clean = config("clean");
        RunReport reference = new Pipeline(clean).run(inbox);
        assertEquals(RunReport.Status.SUCCEEDED, reference.status(), reference.error());

        OrientirConfig config = config("stopped");
        Pipeline first = new Pipeline(config);
        first.afterStep(step -> {
            if (step.equals("snapshot")) {
                first.requestStop();
            }
        });
        RunReport stopped = first.run(inbox);
        assertEquals("stopped", stopped.historyStatus(), stopped.error());

        RunReport resumed = new Pipeline(config).run(inbox);
        assertEquals(RunReport.Status.SUCCEEDED, resumed.status(), resumed.error());
        assertEquals(stopped.runId(), resumed.runId());
        assertEquals(2, resumed.executions());
        assertEquals("analytics", resumed.resumedFrom());
        assertEquals(reference.rowsRead(), resumed.rowsRead());
        assertEquals(reference.rowsLoaded(), resumed.rowsLoaded());
        assertEquals(reference.rowsQuarantined(), resumed.rowsQuarantined());
        assertEquals(reference.publishedMarts(), resumed.publishedMarts());
        for (String mart : List.of("list_transitions", "school_status", "list_membership", "quarantine")) {
            assertEquals(export(clean, mart), export(config, mart), mart);
        }
        // Each step ran once: ingest and snapshot in the first start, analytics and publish in the second.
        assertEquals(List.of("ingest 1 completed", "snapshot 1 completed", "analytics 1 completed", "publish 1 completed"),
                steps(config, resumed.runId()));
        assertEquals(List.of("stopped 1", "succeeded 2"), runs(config));

        // The next run is a new one.
        RunReport next = new Pipeline(config).run(inbox);
        assertNotEquals(resumed.runId(), next.runId());
        assertEquals(1, next.executions());
    }

    @Test
    void aFailedStepIsRetried() throws Exception {
        OrientirConfig config = config("retry", "ORIENTIR_PIPELINE_RETRIES", "1", "ORIENTIR_PIPELINE_RETRY_DELAY", "10ms");
        Pipeline pipeline = new Pipeline(config);
        AtomicBoolean failed = new AtomicBoolean();
        pipeline.afterStep(step -> {
            if (step.equals("snapshot") && !failed.getAndSet(true)) {
                throw new IllegalStateException("disk full (simulated)");
            }
        });
        RunReport report = pipeline.run(inbox);
        assertEquals(RunReport.Status.SUCCEEDED, report.status(), report.error());
        assertEquals(List.of("ingest 1 completed", "snapshot 1 failed", "snapshot 2 completed", "analytics 1 completed",
                "publish 1 completed"), steps(config, report.runId()));

        OrientirConfig noRetries = config("retry", "ORIENTIR_PIPELINE_RETRIES", "0");
        Pipeline failing = new Pipeline(noRetries);
        failing.afterStep(step -> {
            if (step.equals("analytics")) {
                throw new IllegalStateException("out of memory (simulated)");
            }
        });
        RunReport failure = failing.run(inbox);
        assertEquals(RunReport.Status.FAILED, failure.status());
        assertEquals("шаг «analytics» не выполнен: out of memory (simulated) (следующий запуск начнётся заново; "
                + "уже загруженные файлы не загружаются повторно)", failure.error());
        // A failed run is finished: the next start is a new run, not a resumption.
        RunReport after = new Pipeline(noRetries).run(inbox);
        assertEquals(RunReport.Status.SUCCEEDED, after.status(), after.error());
        assertEquals(1, after.executions());
    }

    static String export(OrientirConfig config, String mart) throws Exception {
        try (Warehouse w = Warehouse.open(config.warehouse())) {
            StringWriter out = new StringWriter();
            new MartExporter(w).exportCsv(mart, out);
            return out.toString();
        }
    }

    static List<String> steps(OrientirConfig config, String runId) throws Exception {
        List<String> result = new ArrayList<>();
        try (Warehouse w = Warehouse.open(config.warehouse()); Connection c = w.connection();
             PreparedStatement ps = c.prepareStatement("SELECT step, attempt, status FROM meta_run_step WHERE run_id = ? "
                     + "ORDER BY started_at, attempt")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3));
                }
            }
        }
        return result;
    }

    static List<String> runs(OrientirConfig config) throws Exception {
        List<String> result = new ArrayList<>();
        try (Warehouse w = Warehouse.open(config.warehouse()); Connection c = w.connection();
             PreparedStatement ps = c.prepareStatement("SELECT status, executions FROM meta_run ORDER BY finished_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(rs.getString(1) + " " + rs.getInt(2));
            }
        }
        return result;
    }
}
