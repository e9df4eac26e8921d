package ru.orientir.jobs.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

import ru.orientir.etl.ingest.LoadResult;
import ru.orientir.etl.ingest.batch.BatchInfrastructure;
import ru.orientir.jobs.config.OrientirConfig;
import ru.orientir.warehouse.Warehouse;

/**
 * One nightly run: migrate the warehouse, then the pipeline job (ingest → snapshot → analytics → publish, see
 * {@link PipelineJobConfiguration}), then the run's history (meta_run, meta_run_step) and, when the run did not
 * succeed, the alert webhook. One run at a time per Orientir home.
 *
 * <p>A run that died (kill -9, machine restart) is found in the job repository at the next start, whatever starts it
 * ({@code run} or the schedule), and resumed under its own run id from its first step not completed. A run stopped by
 * {@link #requestStop()} (SIGTERM) ends after its current step and is resumed the same way.
 */
public final class Pipeline {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final OrientirConfig config;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile Consumer<String> afterStep = step -> { };

    public Pipeline(OrientirConfig config) {
        this.config = config;
    }

    /** The current run ends after its current step and stays resumable; later runs do not start. */
    public void requestStop() {
        stopRequested.set(true);
    }

    public boolean stopRequested() {
        return stopRequested.get();
    }

    /** Told after each step completes (tests use it to interrupt a run between steps). */
    void afterStep(Consumer<String> listener) {
        this.afterStep = listener;
    }

    /**
     * Whether the job repository holds a run that did not end (its process died, or it was stopped): the schedule
     * resumes such a run as soon as it starts rather than at the next trigger. False while another run holds the lock.
     */
    public boolean hasInterruptedRun() {
        try (RunLock lock = RunLock.acquire(config.home());
             BatchInfrastructure batch = BatchInfrastructure.open(config.batchUrl(), config.batchUser(), config.batchPassword())) {
            JobInstance instance = batch.jobRepository().getLastJobInstance(PipelineJobConfiguration.JOB_NAME);
            JobExecution last = instance == null ? null : batch.jobRepository().getLastJobExecution(instance);
            return last != null && (last.getStatus().isRunning() || last.getStatus() == BatchStatus.STOPPED);
        } catch (IOException | RuntimeException e) {
            log.info("No check for an interrupted run: {}", e.getMessage());
            return false;
        }
    }

    public RunReport run(Path inbox) throws IOException {
        return run(inbox, "run");
    }

    /** One run over {@code inbox}; {@code trigger} says who started it ({@code run}, {@code schedule}, ...). */
    public RunReport run(Path inbox, String trigger) throws IOException {
        Instant started = Instant.now();
        RunLock lock;
        try {
            lock = RunLock.acquire(config.home());
        } catch (IllegalStateException e) {
            return notStarted(started, trigger, e.getMessage());
        }
        Warehouse opened;
        try {
            // A reader (export, report, Superset) may hold the embedded file for a moment: wait for it.
            opened = Warehouse.open(config.warehouse(), WAREHOUSE_WAIT);
        } catch (RuntimeException e) {
            lock.close();
            return notStarted(started, trigger, e.getMessage());
        }
        try (lock; Warehouse warehouse = opened) {
            Map<String, Duration> timings = new LinkedHashMap<>();
            String runId = newRunId(started);
            RunReport report;
            Resume resume = Resume.NONE;
            try {
                long t0 = System.nanoTime();
                warehouse.migrate();
                timings.put("migrate", Duration.ofNanos(System.nanoTime() - t0));
                try (BatchInfrastructure batch = BatchInfrastructure.open(config.batchUrl(), config.batchUser(),
                        config.batchPassword())) {
                    resume = Resume.find(batch);
                    if (resume != Resume.NONE) {
                        runId = resume.runId();
                        started = resume.startedAt();
                        log.warn("Run {} (started {}) was interrupted{}; resuming it from step {}", runId, started,
                                resume.how(), resume.fromStep());
                    }
                    report = execute(batch, warehouse, runId, started, inbox, trigger, resume, timings);
                }
            } catch (RuntimeException e) {
                log.error("Run {} failed: {}", runId, e.getMessage(), e);
                report = new RunReport(runId, started, Instant.now(), RunReport.Status.FAILED, List.of(), Map.of(), timings,
                        RetryingTasklet.describe(e), trigger, resume.executions() + 1, resume.fromStep(), List.of());
            }
            try {
                RunHistory.record(warehouse, report, config);
            } catch (RuntimeException e) {
                log.error("Recording run {} in meta_run failed: {}", report.runId(), e.getMessage(), e);
            }
            if (report.status() != RunReport.Status.SUCCEEDED) {
                log.error("Run {} ended {}: {}", report.runId(), report.historyStatus(),
                        report.error() == null ? "some files failed to load" : report.error());
                AlertWebhook.of(config.alertWebhook()).send(report);
            }
            // A stopped run resumes from its folder; every other run's folder is only kept for the last few.
            RunFolders.prune(config.home().resolve("runs"), config.pipeline().keepRuns(),
                    "stopped".equals(report.historyStatus()) ? report.runId() : null);
            return report;
        }
    }

    /**
     * A run that could not start (another run holds the lock, the warehouse is busy or down) still leaves a trace: it
     * is recorded in meta_run where the warehouse can be opened, logged, and sent to the alert webhook; the schedule
     * retries it ({@link RunReport#notStarted()}).
     */
    private RunReport notStarted(Instant started, String trigger, String why) {
        RunReport report = new RunReport(newRunId(started), started, Instant.now(), RunReport.Status.FAILED, List.of(),
                Map.of(), Map.of(), RunReport.NOT_STARTED_PREFIX + ": " + why, trigger, 1, null, List.of());
        log.error("Run {} did not start: {}", report.runId(), why);
        try (Warehouse warehouse = Warehouse.open(config.warehouse())) {
            warehouse.migrate();
            RunHistory.record(warehouse, report, config);
        } catch (RuntimeException e) {
            log.error("The run that did not start cannot be recorded in meta_run either: {}", e.getMessage());
        }
        AlertWebhook.of(config.alertWebhook()).send(report);
        return report;
    }

    private RunReport execute(BatchInfrastructure batch, Warehouse warehouse, String runId, Instant started, Path inbox,
                              String trigger, Resume resume, Map<String, Duration> timings) {
        Path runDir = config.home().resolve("runs").resolve(runId);
        RunContext run = new RunContext(runId, inbox.toAbsolutePath().normalize(), runDir, warehouse, config.warehouse(), batch,
                config.ingest(), config.analytics(), config.superset(), config.spark());
        Job job = new PipelineJobConfiguration(run, config.pipeline(), stopRequested::get, s -> afterStep.accept(s)).job();
        JobParameters params = new JobParametersBuilder()
                .addString("run_id", runId)
                .addString("inbox", run.inbox().toString(), false)
                .addString("trigger", trigger, false)
                .toJobParameters();
        JobExecution execution;
        try {
            execution = batch.jobOperator().start(job, params);
        } catch (Exception e) {
            throw new IllegalStateException("The pipeline job did not start: " + e.getMessage(), e);
        }
        RunState state = new RunState(execution.getExecutionContext());
        List<StepAttempt> attempts = state.attempts();
        // The last attempt of each step, completed or not, is the step's time in the summary.
        attempts.forEach(a -> timings.put(a.step(), a.duration()));
        List<LoadResult> loads = state.loads();
        RunReport.Status status;
        String error = null;
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            error = state.afterPublication();
            status = error != null || loads.stream().anyMatch(l -> l.status() == LoadResult.Status.FAILED)
                    ? RunReport.Status.PARTIAL : RunReport.Status.SUCCEEDED;
        } else {
            status = RunReport.Status.FAILED;
            String step = firstIncompleteStep(execution);
            if (execution.getStatus() == BatchStatus.STOPPED) {
                error = RunReport.STOPPED_PREFIX + " (SIGTERM) перед шагом «" + step + "»; следующий запуск продолжит его с этого шага";
            } else {
                error = "шаг «" + step + "» не выполнен: " + failure(execution, attempts)
                        + " (следующий запуск начнётся заново; уже загруженные файлы не загружаются повторно)";
            }
        }
        return new RunReport(runId, started, Instant.now(), status, loads, state.published(), timings, error, trigger,
                resume.executions() + 1, resume.fromStep(), attempts, state.notes());
    }

    private static String firstIncompleteStep(JobExecution execution) {
        for (String step : PipelineJobConfiguration.STEPS) {
            boolean done = execution.getStepExecutions().stream()
                    .anyMatch(s -> s.getStepName().equals(step) && s.getStatus() == BatchStatus.COMPLETED);
            if (!done && execution.getStepExecutions().stream().anyMatch(s -> s.getStepName().equals(step))) {
                return step;
            }
        }
        return "?";
    }

    private static String failure(JobExecution execution, List<StepAttempt> attempts) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).error() != null) {
                return attempts.get(i).error();
            }
        }
        for (StepExecution s : execution.getStepExecutions()) {
            if (!s.getFailureExceptions().isEmpty()) {
                return RetryingTasklet.describe(s.getFailureExceptions().get(0));
            }
        }
        return execution.getExitStatus().getExitDescription();
    }

    /** How long a run waits for the embedded warehouse while a reader holds it. */
    static final Duration WAREHOUSE_WAIT = Duration.ofMinutes(5);

    private static String newRunId(Instant started) {
        return "run-" + RUN_STAMP.format(started) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }

    /** An earlier run that did not end: still marked running (its process died) or stopped on request. */
    private record Resume(String runId, Instant startedAt, String fromStep, int executions, String how) {
        static final Resume NONE = new Resume(null, null, null, 0, "");

        static Resume find(BatchInfrastructure batch) {
            JobInstance instance = batch.jobRepository().getLastJobInstance(PipelineJobConfiguration.JOB_NAME);
            if (instance == null) {
                return NONE;
            }
            JobExecution last = batch.jobRepository().getLastJobExecution(instance);
            if (last == null) {
                return NONE;
            }
            BatchStatus status = last.getStatus();
            String how;
            if (status.isRunning()) {
                // Only one run holds this home's lock, so an execution still marked running lost its process.
                batch.jobOperator().recover(last);
                how = " (its process died)";
            } else if (status == BatchStatus.STOPPED) {
                how = " (stopped on request)";
            } else {
                return NONE;
            }
            List<JobExecution> executions = batch.jobRepository().getJobExecutions(instance);
            Instant first = executions.stream().map(JobExecution::getCreateTime).filter(java.util.Objects::nonNull)
                    .min(java.time.LocalDateTime::compareTo)
                    .map(t -> t.atZone(java.time.ZoneId.systemDefault()).toInstant()).orElse(Instant.now());
            String from = PipelineJobConfiguration.STEPS.stream()
                    .filter(step -> {
                        StepExecution s = batch.jobRepository().getLastStepExecution(instance, step);
                        return s == null || s.getStatus() != BatchStatus.COMPLETED;
                    })
                    .findFirst().orElse("publish");
            return new Resume(last.getJobParameters().getString("run_id"), first, from, executions.size(), how);
        }
    }
}
