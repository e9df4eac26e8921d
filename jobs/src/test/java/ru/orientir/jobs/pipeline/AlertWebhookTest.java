package ru.orientir.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/** A failed run POSTs a short JSON summary to ORIENTIR_ALERT_WEBHOOK; a webhook that is down never fails the run. */
class AlertWebhookTest {
    private static final RunReport FAILED = new RunReport("run-20260101T020000Z-abcd", Instant.parse("2026-01-01T02:00:00Z"),
            Instant.parse("2026-01-01T02:05:00Z"), RunReport.Status.FAILED, List.of(), Map.of(),
            Map.of("ingest", Duration.ofSeconds(3)), "шаг «analytics» не выполнен: нет места на диске", "schedule", 1, null,
            List.of());

    @Test
    void postsTheSummary() throws Exception {
        AtomicReference<String> body = new AtomicReference<>();
        AtomicReference<String> type = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            type.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            int status = AlertWebhook.of("http://127.0.0.1:" + server.getAddress().getPort() + "/hook").send(FAILED);
            assertEquals(204, status);
        } finally {
            server.stop(0);
        }
        assertTrue(type.get().startsWith("application/json"), type.get());
        JsonNode json = new ObjectMapper().readTree(body.get());
        assertEquals("run-20260101T020000Z-abcd", json.get("run_id").asText());
        assertEquals("failed", json.get("status").asText());
        assertEquals("schedule", json.get("trigger").asText());
        assertEquals("шаг «analytics» не выполнен: нет места на диске", json.get("error").asText());
        assertTrue(json.get("text").asText().contains("failed"), body.get());
    }

    @Test
    void anUnreachableWebhookIsLoggedNotThrown() {
        assertEquals(-1, AlertWebhook.of("http://127.0.0.1:1/hook").send(FAILED));
        assertEquals(-1, AlertWebhook.of(null).send(FAILED));
    }
}
