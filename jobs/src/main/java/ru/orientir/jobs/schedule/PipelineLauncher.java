package ru.orientir.jobs.schedule;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.orientir.jobs.config.OrientirConfig;
import ru.orientir.jobs.pipeline.Pipeline;
import ru.orientir.jobs.pipeline.RunHistory;
import ru.orientir.jobs.pipeline.RunReport;
import ru.orientir.warehouse.Warehouse;

/** The schedule's runs: the pipeline over the configured inbox, recorded in the warehouse's run history. */
public final class PipelineLauncher implements RunLauncher {
    private static final Logger log = LoggerFactory.getLogger(PipelineLauncher.class);

    /** How long after the trigger's due time a run that could not start is tried again, and the pauses between. */
    static final Duration RETRY_WINDOW = Duration.ofHours(3);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofMinutes(15);

    private final OrientirConfig config;
    private final Pipeline pipeline;
    private final Path inbox;
    private volatile ScheduleHealth.Outcome lastOutcome;

    public PipelineLauncher(OrientirConfig config, Pipeline pipeline, Path inbox) {
        this.config = config;
        this.pipeline = pipeline;
        this.inbox = inbox;
    }

    @Override
    public void run(Instant due) throws Exception {
        if (pipeline.stopRequested()) {
            log.warn("Schedule: shutting down; the run is not started");
            return;
        }
        RunReport report = pipeline.run(inbox, "schedule");
        // A run that could not start (the warehouse busy or down, the lock held) is tried again with a growing pause,
        // within the night's window; every attempt is recorded and alerted by the pipeline itself.
        Instant windowEnd = due.plus(RETRY_WINDOW);
        Duration pause = FIRST_RETRY;
        while (report.notStarted() && !pipeline.stopRequested() && Instant.now().plus(pause).isBefore(windowEnd)) {
            log.warn("Schedule: run {} did not start; trying again in {} s (until {})", report.runId(), pause.toSeconds(),
                    windowEnd);
            if (!sleep(pause)) {
                break;
            }
            report = pipeline.run(inbox, "schedule");
            pause = pause.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause.multipliedBy(2);
        }
        lastOutcome = new ScheduleHealth.Outcome(report.historyStatus(), report.error());
        log.warn("Schedule: run {} ended {} (read {}, loaded {}, quarantined {}){}", report.runId(), report.historyStatus(),
                report.rowsRead(), report.rowsLoaded(), report.rowsQuarantined(),
                report.error() == null ? "" : ": " + report.error());
    }

    /** Sleeps for {@code pause}, waking early when a stop is requested; false when it was. */
    private boolean sleep(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        while (System.nanoTime() < until) {
            if (pipeline.stopRequested()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(1_000, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void skipped(Instant due, String reason) {
        try (Warehouse warehouse = Warehouse.open(config.warehouse())) {
            warehouse.migrate();
            RunHistory.recordSkipped(warehouse, due, reason, config);
        }
    }

    @Override
    public Optional<ScheduleHealth.Outcome> lastOutcome() {
        return Optional.ofNullable(lastOutcome);
    }

    @Override
    public boolean hasInterruptedRun() {
        return pipeline.hasInterruptedRun();
    }

    @Override
    public Optional<Instant> lastScheduledRun() throws Exception {
        try (Warehouse warehouse = Warehouse.open(config.warehouse())) {
            warehouse.migrate();
            try (Connection c = warehouse.connection();
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT max(started_at) FROM meta_run WHERE triggered_by = 'schedule' AND status <> 'skipped'");
                 ResultSet rs = ps.executeQuery()) {
                Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return t == null ? Optional.empty() : Optional.of(t.toInstant());
            }
        }
    }
}
