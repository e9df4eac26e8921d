package ru.orientir.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A dashboards sync that fails after the marts were published never passes as success: Superset down, or
 * {@code SUPERSET_URL} set without credentials, ends the run {@code partial} (exit code 3) with the reason, the
 * webhook and {@code status} saying so, while the marts stay published.
 */
class DashboardsSyncFailureIT {
    @TempDir
    Path tmp;

    @Test
    void aFailedSyncMakesThePublishedRunPartial() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Files.writeString(inbox.resolve("schools.csv"), "school_id,name,municipality\nS1,Школа №1,Арзамас\nS2,Школа №2,Саров\n",
                StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("official_list_2024.csv"), "list_year,school_id\n2024,S1\n", StandardCharsets.UTF_8);
        try (AlertCatcher hook = AlertCatcher.start()) {
            int dead;
            try (ServerSocket free = new ServerSocket(0)) {
                dead = free.getLocalPort();
            }
            Map<String, String> env = new HashMap<>();
            env.put("ORIENTIR_HOME", tmp.resolve("home").toString());
            env.put("ORIENTIR_PIPELINE_RETRIES", "0");
            env.put("ORIENTIR_ALERT_WEBHOOK", hook.url());
            env.put("SUPERSET_URL", "http://127.0.0.1:" + dead);
            env.put("SUPERSET_USERNAME", "admin");
            env.put("SUPERSET_PASSWORD", "superset-admin-password");
            OrientirCli down = new OrientirCli(env);
            OrientirCli.Result r = down.run("run", "--inbox", inbox.toString());
            assertEquals(3, r.exitCode(), "Superset down: partial, exit 3\n" + r.stdout() + r.stderr());
            assertTrue(r.stdout().contains("Запуск завершён частично: витрины опубликованы, но дашборды Superset не обновлены"),
                    r.stdout());

            env.remove("SUPERSET_USERNAME");
            env.remove("SUPERSET_PASSWORD");
            Files.writeString(inbox.resolve("official_list_2025.csv"), "list_year,school_id\n2025,S2\n", StandardCharsets.UTF_8);
            OrientirCli.Result noUser = new OrientirCli(env).run("run", "--inbox", inbox.toString());
            assertEquals(3, noUser.exitCode(), "SUPERSET_URL without a user: partial, exit 3\n" + noUser.stdout() + noUser.stderr());
            assertTrue(noUser.stdout().contains("нет учётных данных"), noUser.stdout());

            // The marts of the second run are published all the same.
            env.remove("SUPERSET_URL");
            OrientirCli.Result export = new OrientirCli(env).run("export", "list_membership", "--format", "csv");
            assertEquals(0, export.exitCode(), export.stderr());
            assertTrue(export.stdout().contains("2025,S2,true,official"), export.stdout());

            OrientirCli.Result status = new OrientirCli(env).run("status");
            assertTrue(status.stdout().contains("частично"), status.stdout());
            assertTrue(status.stdout().contains("дашборды Superset не обновлены"), status.stdout());

            List<String> alerts = hook.bodies();
            assertEquals(2, alerts.size(), "one alert per partial run: " + alerts);
            for (String alert : alerts) {
                assertEquals("partial", new ObjectMapper().readTree(alert).get("status").asText(), alert);
            }
        }
    }
}
