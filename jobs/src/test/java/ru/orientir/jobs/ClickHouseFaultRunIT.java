package ru.orientir.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.orientir.jobs.e2e.AlertCatcher;
import ru.orientir.jobs.e2e.OrientirCli;
import ru.orientir.warehouse.WarehouseSettings;
import ru.orientir.warehouse.clickhouse.ClickHouseTestServer;

/**
 * A run against a ClickHouse that is down, or that refuses the credentials, fails as a user sees it: exit code 1, a
 * Russian message naming the URL (never the password) and what failed, and the alert webhook with status failed.
 * Nothing is published.
 */
class ClickHouseFaultRunIT {
    @TempDir
    Path tmp;

    @Test
    void aWarehouseThatIsDownOrRefusesTheCredentialsFailsTheRunLoudly() throws Exception {
        ClickHouseTestServer server = ClickHouseTestServer.require();
        WarehouseSettings database = server.freshDatabase("orientir_fault_run");
        try (AlertCatcher hook = AlertCatcher.start()) {
            Path inbox = Files.createDirectories(tmp.resolve("inbox"));
            Files.writeString(inbox.resolve("schools.csv"), "school_id,name,municipality\nS1,Школа №1,Арзамас\n");
            int dead;
            try (ServerSocket free = new ServerSocket(0)) {
                dead = free.getLocalPort();
            }
            String secret = "never-in-output-" + dead;
            Map<String, String> down = env(tmp.resolve("home-down"), "jdbc:clickhouse://127.0.0.1:" + dead + "/orientir",
                    "owner", secret, hook);
            OrientirCli.Result r = new OrientirCli(down).run("run", "--inbox", inbox.toString());
            assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
            String all = r.stdout() + r.stderr();
            assertTrue(all.contains("Хранилище недоступно: ClickHouse http://127.0.0.1:" + dead + "/orientir"), all);
            assertFalse(all.contains(secret), "the password is never printed");

            Map<String, String> refused = env(tmp.resolve("home-refused"), database.jdbcUrl(), database.user(),
                    secret, hook);
            OrientirCli.Result wrong = new OrientirCli(refused).run("run", "--inbox", inbox.toString());
            assertEquals(1, wrong.exitCode(), wrong.stdout() + wrong.stderr());
            String said = wrong.stdout() + wrong.stderr();
            assertTrue(said.contains("не принял учётные данные"), said);
            assertFalse(said.contains(secret), "the password is never printed");

            List<String> alerts = hook.bodies();
            assertEquals(2, alerts.size(), "one alert per failed run: " + alerts);
            for (String alert : alerts) {
                JsonNode json = new ObjectMapper().readTree(alert);
                assertEquals("failed", json.get("status").asText(), alert);
                assertTrue(json.get("error").asText().contains("ClickHouse http://127.0.0.1:"), alert);
                assertFalse(alert.contains(secret), alert);
            }
        } finally {
            server.dropDatabase(database);
        }
    }

    private static Map<String, String> env(Path home, String url, String user, String password, AlertCatcher hook) {
        Map<String, String> env = new HashMap<>();
        env.put("ORIENTIR_HOME", home.toString());
        env.put("ORIENTIR_WAREHOUSE_URL", url);
        env.put("ORIENTIR_WAREHOUSE_USER", user);
        env.put("ORIENTIR_WAREHOUSE_PASSWORD", password);
        env.put("ORIENTIR_PIPELINE_RETRIES", "0");
        env.put("ORIENTIR_ALERT_WEBHOOK", hook.url());
        return env;
    }
}
