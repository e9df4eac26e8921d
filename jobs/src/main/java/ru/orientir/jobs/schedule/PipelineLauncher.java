package ru.orientir.jobs.schedule;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
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

    private final OrientirConfig config;
    private final Pipeline pipeline;
    private final Path inbox;

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
        log.warn("Schedule: run {} ended {} (read {}, loaded {}, quarantined {}){}", report.runId(), report.historyStatus(),
                report.rowsRead(), report.rowsLoaded(), report.rowsQuarantined(),
                report.error() == null ? "" : ": " + report.error());
    }

    @Override
    public void skipped(Instant due, String reason) {
        try (Warehouse warehouse = Warehouse.open(config.warehouse())) {
            warehouse.migrate();
            RunHistory.recordSkipped(warehouse, due, reason, config);
        }
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
