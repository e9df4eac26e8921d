package ru.orientir.jobs.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ru.orientir.etl.ingest.LoadResult;

/**
 * What one pipeline run did: its loads, the marts it published (with row counts), how long each step took, and how
 * it ended; who started it ({@code run}, {@code schedule}), how many times it was started (more than 1 when it was
 * resumed after a crash or a stop, from step {@code resumedFrom}), and every attempt of every step.
 */
public record RunReport(String runId, Instant startedAt, Instant finishedAt, Status status, List<LoadResult> loads,
                        Map<String, Long> publishedMarts, Map<String, Duration> stepTimings, String error,
                        String trigger, int executions, String resumedFrom, List<StepAttempt> stepAttempts,
                        List<String> notes) {

    /** A run without notes. {@code notes} are what the analytics found that the marts alone do not say, in Russian. */
    public RunReport(String runId, Instant startedAt, Instant finishedAt, Status status, List<LoadResult> loads,
                     Map<String, Long> publishedMarts, Map<String, Duration> stepTimings, String error, String trigger,
                     int executions, String resumedFrom, List<StepAttempt> stepAttempts) {
        this(runId, startedAt, finishedAt, status, loads, publishedMarts, stepTimings, error, trigger, executions,
                resumedFrom, stepAttempts, List.of());
    }

    /** How the error of a run stopped on request begins. */
    static final String STOPPED_PREFIX = "запуск остановлен";
    /** How the error of a run that could not start begins (the lock or the warehouse was not to be had). */
    static final String NOT_STARTED_PREFIX = "запуск не начат";

    public enum Status {
        SUCCEEDED("succeeded"), PARTIAL("partial"), FAILED("failed");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The status meta_run keeps: {@link Status#code()}, or {@code stopped} for a run stopped on request (resumable). */
    public String historyStatus() {
        boolean stopped = status == Status.FAILED && error != null && error.startsWith(STOPPED_PREFIX);
        return stopped ? "stopped" : status.code();
    }

    /** Whether the run could not start at all (nothing was loaded or published): the schedule tries it again. */
    public boolean notStarted() {
        return status == Status.FAILED && error != null && error.startsWith(NOT_STARTED_PREFIX);
    }

    public long rowsRead() {
        return loads.stream().mapToLong(LoadResult::rowsRead).sum();
    }

    public long rowsLoaded() {
        return loads.stream().mapToLong(LoadResult::rowsLoaded).sum();
    }

    public long rowsQuarantined() {
        return loads.stream().mapToLong(LoadResult::rowsQuarantined).sum();
    }

    public long count(LoadResult.Status status) {
        return loads.stream().filter(l -> l.status() == status).count();
    }
}
