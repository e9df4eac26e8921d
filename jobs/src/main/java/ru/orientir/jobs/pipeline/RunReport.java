package ru.orientir.jobs.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ru.orientir.etl.ingest.LoadResult;

/**
 * What one pipeline run did: its loads, the marts it published (with row counts), how long each step took, and how
 * it ended.
 */
public record RunReport(String runId, Instant startedAt, Instant finishedAt, Status status, List<LoadResult> loads,
                        Map<String, Long> publishedMarts, Map<String, java.time.Duration> stepTimings, String error) {

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
