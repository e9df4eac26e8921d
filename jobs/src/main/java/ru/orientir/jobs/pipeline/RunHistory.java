package ru.orientir.jobs.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.orientir.etl.ingest.LoadResult;
import ru.orientir.jobs.config.AnalyticsConfig;
import ru.orientir.jobs.config.OrientirConfig;
import ru.orientir.warehouse.Warehouse;

/**
 * The run history in the warehouse: one meta_run row per run, one meta_run_step row per attempt of a step, written
 * once, when the run ends (append-only, like every meta_ table). A skipped schedule trigger is a run row of its own
 * with status {@code skipped}, so the morning's {@code bin/orientir status} tells it too.
 */
public final class RunHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunHistory() {
    }

    public static void record(Warehouse warehouse, RunReport r, OrientirConfig config) {
        record(warehouse, r, r.historyStatus(), config);
    }

    private static void record(Warehouse warehouse, RunReport r, String status, OrientirConfig config) {
        String run = "INSERT INTO meta_run (run_id, command, started_at, finished_at, status, files_seen, files_loaded, "
                + "files_skipped, files_failed, rows_read, rows_loaded, rows_quarantined, marts_published, error, "
                + "triggered_by, executions, resumed_from, config_json) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        String step = "INSERT INTO meta_run_step (run_id, step, attempt, started_at, finished_at, status, error) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = warehouse.connection()) {
            try (PreparedStatement ps = c.prepareStatement(run)) {
                ps.setString(1, r.runId());
                ps.setString(2, r.trigger());
                ps.setTimestamp(3, Timestamp.from(r.startedAt()));
                ps.setTimestamp(4, Timestamp.from(r.finishedAt()));
                ps.setString(5, status);
                ps.setInt(6, r.loads().size());
                ps.setInt(7, (int) r.count(LoadResult.Status.LOADED));
                ps.setInt(8, (int) r.count(LoadResult.Status.SKIPPED));
                ps.setInt(9, (int) r.count(LoadResult.Status.FAILED));
                ps.setLong(10, r.rowsRead());
                ps.setLong(11, r.rowsLoaded());
                ps.setLong(12, r.rowsQuarantined());
                ps.setString(13, String.join(",", r.publishedMarts().keySet()));
                ps.setString(14, r.error());
                ps.setString(15, r.trigger());
                ps.setInt(16, r.executions());
                ps.setString(17, r.resumedFrom());
                ps.setString(18, configJson(config));
                ps.executeUpdate();
            }
            if (!r.stepAttempts().isEmpty()) {
                java.util.Set<String> recorded = recordedAttempts(c, r.runId());
                try (PreparedStatement ps = c.prepareStatement(step)) {
                    for (StepAttempt a : r.stepAttempts()) {
                        if (!recorded.add(a.step() + "#" + a.attempt())) {
                            continue; // recorded when the run stopped, before it was resumed
                        }
                        ps.setString(1, r.runId());
                        ps.setString(2, a.step());
                        ps.setInt(3, a.attempt());
                        ps.setTimestamp(4, Timestamp.from(a.startedAt()));
                        ps.setTimestamp(5, Timestamp.from(a.finishedAt()));
                        ps.setString(6, a.status());
                        ps.setString(7, a.error());
                        ps.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Recording run " + r.runId() + " failed: " + e.getMessage(), e);
        }
    }

    /** A schedule trigger that did nothing because a run was in progress (schedule.overlap: skip). */
    public static void recordSkipped(Warehouse warehouse, java.time.Instant due, String reason, OrientirConfig config) {
        java.time.Instant now = java.time.Instant.now();
        String runId = "skip-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(due);
        record(warehouse, new RunReport(runId, due, now, RunReport.Status.FAILED, java.util.List.of(), Map.of(), Map.of(),
                reason, "schedule", 0, null, java.util.List.of()), "skipped", config);
    }

    private static java.util.Set<String> recordedAttempts(Connection c, String runId) throws SQLException {
        java.util.Set<String> keys = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT step, attempt FROM meta_run_step WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1) + "#" + rs.getInt(2));
                }
            }
        }
        return keys;
    }

    /** The configuration in force, without secrets: no password, and only whether an alert webhook is set. */
    static String configJson(OrientirConfig config) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("home", config.home().toString());
        c.put("warehouse_url", withoutCredentials(config.warehouse().jdbcUrl()));
        c.put("warehouse_user", config.warehouse().user());
        c.put("batch_url", withoutCredentials(config.batchUrl()));
        c.put("pipeline_retries", config.pipeline().retries());
        c.put("pipeline_retry_delay", config.pipeline().retryDelay().toString());
        c.put("schedule_cron", config.schedule().cron());
        c.put("schedule_zone", config.schedule().zone().getId());
        c.put("schedule_overlap", config.schedule().overlap().code());
        c.put("schedule_inbox", config.schedule().inbox().toString());
        c.put("schedule_store", config.schedule().storeUrl() == null ? "memory" : withoutCredentials(config.schedule().storeUrl()));
        c.put("alert_webhook", config.alertWebhook() != null);
        c.put("analytics", AnalyticsConfig.toJson(config.analytics()));
        try {
            return JSON.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JDBC URLs may carry a password as a parameter; it never reaches the history. */
    static String withoutCredentials(String url) {
        return url == null ? null : url.replaceAll("(?i)(password|pwd|secret)=[^&;]*", "$1=***");
    }
}
