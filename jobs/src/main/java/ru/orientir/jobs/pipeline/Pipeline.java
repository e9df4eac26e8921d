package ru.orientir.jobs.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.orientir.etl.analytics.AnalyticsJob;
import ru.orientir.etl.analytics.LocalSpark;
import ru.orientir.etl.ingest.FileIngestor;
import ru.orientir.etl.ingest.LoadResult;
import ru.orientir.etl.ingest.batch.BatchInfrastructure;
import ru.orientir.etl.ingest.batch.ChunkObserver;
import ru.orientir.etl.ingest.batch.IngestJobConfiguration;
import ru.orientir.jobs.config.OrientirConfig;
import ru.orientir.warehouse.MartFiles;
import ru.orientir.warehouse.Snapshot;
import ru.orientir.warehouse.Warehouse;

/**
 * One nightly run: ingest the inbox (Spring Batch) → snapshot staging as Parquet (the warehouse's own writer) →
 * analytics (Spark) → publish the marts atomically → record the run. One run at a time per Orientir home.
 */
public final class Pipeline {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final OrientirConfig config;

    public Pipeline(OrientirConfig config) {
        this.config = config;
    }

    public RunReport run(Path inbox) throws IOException {
        Instant started = Instant.now();
        String runId = "run-" + RUN_STAMP.format(started) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        try (RunLock lock = RunLock.acquire(config.home());
             Warehouse warehouse = Warehouse.open(config.warehouse())) {
            List<LoadResult> loads = List.of();
            Map<String, Long> published = Map.of();
            StepTimer timer = new StepTimer();
            try {
                timer.start("migrate");
                warehouse.migrate();
                timer.start("ingest");
                try (BatchInfrastructure batch = BatchInfrastructure.open(config.batchUrl(), config.batchUser(),
                        config.batchPassword())) {
                    loads = new FileIngestor(warehouse, batch, new IngestJobConfiguration(batch, ChunkObserver.NONE), runId)
                            .ingest(inbox);
                }
                Path runDir = config.home().resolve("runs").resolve(runId);
                Path snapshot = runDir.resolve("snapshot");
                timer.start("snapshot");
                Snapshot.write(warehouse, snapshot);
                timer.start("analytics");
                SparkSession spark = LocalSpark.session();
                List<MartFiles> marts = new AnalyticsJob(spark).run(runId, snapshot, runDir.resolve("marts"));
                timer.start("publish");
                warehouse.publish(marts);
                published = countRows(warehouse, marts);
                timer.stop();
                RunReport.Status status = loads.stream().anyMatch(l -> l.status() == LoadResult.Status.FAILED)
                        ? RunReport.Status.PARTIAL : RunReport.Status.SUCCEEDED;
                RunReport report = new RunReport(runId, started, Instant.now(), status, loads, published, timer.timings(), null);
                record(warehouse, report);
                return report;
            } catch (RuntimeException e) {
                log.error("Run {} failed", runId, e);
                timer.stop();
                RunReport report = new RunReport(runId, started, Instant.now(), RunReport.Status.FAILED, loads, published,
                        timer.timings(), e.getMessage());
                try {
                    record(warehouse, report);
                } catch (RuntimeException recordFailure) {
                    e.addSuppressed(recordFailure);
                }
                return report;
            }
        }
    }

    private static Map<String, Long> countRows(Warehouse warehouse, List<MartFiles> marts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = warehouse.connection()) {
            for (MartFiles mart : marts) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + mart.table());
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(mart.table(), rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting published rows failed: " + e.getMessage(), e);
        }
        return counts;
    }

    private static void record(Warehouse warehouse, RunReport r) {
        String sql = "INSERT INTO meta_run (run_id, command, started_at, finished_at, status, files_seen, files_loaded, "
                + "files_skipped, files_failed, rows_read, rows_loaded, rows_quarantined, marts_published, error) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = warehouse.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.runId());
            ps.setString(2, "run");
            ps.setTimestamp(3, Timestamp.from(r.startedAt()));
            ps.setTimestamp(4, Timestamp.from(r.finishedAt()));
            ps.setString(5, r.status().code());
            ps.setInt(6, r.loads().size());
            ps.setInt(7, (int) r.count(LoadResult.Status.LOADED));
            ps.setInt(8, (int) r.count(LoadResult.Status.SKIPPED));
            ps.setInt(9, (int) r.count(LoadResult.Status.FAILED));
            ps.setLong(10, r.rowsRead());
            ps.setLong(11, r.rowsLoaded());
            ps.setLong(12, r.rowsQuarantined());
            ps.setString(13, String.join(",", r.publishedMarts().keySet()));
            ps.setString(14, r.error());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Recording run " + r.runId() + " failed: " + e.getMessage(), e);
        }
    }
}
