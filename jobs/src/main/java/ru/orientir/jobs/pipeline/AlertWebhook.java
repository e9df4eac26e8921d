package ru.orientir.jobs.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.orientir.etl.ingest.LoadResult;

/**
 * Tells someone that a run did not succeed: a POST of a short JSON summary to {@code ORIENTIR_ALERT_WEBHOOK} (for
 * example a chat bot's incoming webhook). A webhook that cannot be reached is logged, never fails the run.
 */
public final class AlertWebhook {
    private static final Logger log = LoggerFactory.getLogger(AlertWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AlertWebhook NONE = new AlertWebhook(null);

    private final URI uri;

    private AlertWebhook(URI uri) {
        this.uri = uri;
    }

    public static AlertWebhook of(String url) {
        if (url == null || url.isBlank()) {
            return NONE;
        }
        return new AlertWebhook(URI.create(url.strip()));
    }

    /** Sends the summary; returns the HTTP status, or -1 when none is configured or it could not be sent. */
    public int send(RunReport report) {
        if (uri == null) {
            return -1;
        }
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(summary(report), StandardCharsets.UTF_8))
                    .build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                log.warn("Alert webhook {} answered HTTP {} for run {}", uri.getHost(), status, report.runId());
            }
            return status;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Alert webhook {} could not be called for run {}: {}", uri.getHost(), report.runId(), e.toString());
            return -1;
        }
    }

    static String summary(RunReport r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("text", "Orientir: запуск " + r.runId() + " — " + r.historyStatus()
                + (r.error() == null ? "" : ": " + r.error()));
        s.put("run_id", r.runId());
        s.put("status", r.historyStatus());
        s.put("trigger", r.trigger());
        s.put("started_at", r.startedAt().toString());
        s.put("finished_at", r.finishedAt().toString());
        s.put("error", r.error());
        s.put("files_failed", r.count(LoadResult.Status.FAILED));
        s.put("rows_read", r.rowsRead());
        s.put("rows_loaded", r.rowsLoaded());
        s.put("rows_quarantined", r.rowsQuarantined());
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
