package ru.orientir.jobs.pipeline;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Runs one pipeline step, retrying a failed attempt {@code retries} times, {@code delay} apart; every attempt is kept in
 * the run's state (its timings and error go to meta_run_step). A stop request (SIGTERM) is honoured between steps and
 * between attempts: the step then ends STOPPED and the next start of the pipeline resumes the run here.
 */
final class RetryingTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(RetryingTasklet.class);

    private final String name;
    private final PipelineStep step;
    private final RunContext run;
    private final PipelineSettings settings;
    private final BooleanSupplier stopRequested;
    private final Consumer<String> afterStep;

    RetryingTasklet(String name, PipelineStep step, RunContext run, PipelineSettings settings, BooleanSupplier stopRequested,
                    Consumer<String> afterStep) {
        this.name = name;
        this.step = step;
        this.run = run;
        this.settings = settings;
        this.stopRequested = stopRequested;
        this.afterStep = afterStep;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RunState state = new RunState(chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext());
        int maxAttempts = settings.retries() + 1;
        for (int i = 1; ; i++) {
            if (stopRequested.getAsBoolean()) {
                log.warn("Run {}: stop requested; step {} not started, the next start resumes here", run.runId(), name);
                throw new JobInterruptedException("stop requested before step " + name);
            }
            int attempt = state.attemptsOf(name) + 1;
            long started = System.currentTimeMillis();
            log.info("Run {}: step {} started (attempt {})", run.runId(), name, attempt);
            try {
                step.execute(run, state);
                afterStep.accept(name);
                long finished = System.currentTimeMillis();
                state.addAttempt(new StepAttempt(name, attempt, started, finished, "completed", null));
                log.info("Run {}: step {} completed in {} ms", run.runId(), name, finished - started);
                return RepeatStatus.FINISHED;
            } catch (Exception e) {
                String error = describe(e);
                if (stopRequested.getAsBoolean()) {
                    // Shutting down: what failed may be the shutdown itself (Spark stops its context on SIGTERM).
                    // The step is left to the next start, not counted as a failure.
                    state.addAttempt(new StepAttempt(name, attempt, started, System.currentTimeMillis(), "stopped", error));
                    log.warn("Run {}: step {} interrupted by the stop request ({}); the next start repeats it", run.runId(), name, error);
                    throw new JobInterruptedException("stopped during step " + name + ": " + error);
                }
                state.addAttempt(new StepAttempt(name, attempt, started, System.currentTimeMillis(), "failed", error));
                if (i >= maxAttempts) {
                    log.error("Run {}: step {} failed (attempt {}, no retries left): {}", run.runId(), name, attempt, error, e);
                    throw e;
                }
                Duration delay = settings.retryDelay();
                log.warn("Run {}: step {} failed (attempt {} of {} in this start): {}; retrying in {} s", run.runId(), name,
                        attempt, maxAttempts, error, delay.toMillis() / 1000.0, e);
                sleepUnlessStopped(delay);
            }
        }
    }

    private void sleepUnlessStopped(Duration delay) throws InterruptedException {
        long until = System.nanoTime() + delay.toNanos();
        while (System.nanoTime() < until && !stopRequested.getAsBoolean()) {
            Thread.sleep(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
