package ru.orientir.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs that meet another process on the embedded warehouse: a reader holding the DuckDB file (an export, a report,
 * Superset) makes the run wait, not fail; a run that cannot start because another run holds the lock still fails
 * loudly: exit code 1, a Russian message, the alert webhook, and a row in the run history once it can be written.
 */
class RunThatCannotStartIT {
    @TempDir
    Path tmp;

    @Test
    void aReaderMakesTheRunWaitAndAHeldLockIsReportedNotSilent() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path home = tmp.resolve("home");
        Files.writeString(inbox.resolve("schools.csv"), "school_id,name,municipality\nS1,Школа №1,Арзамас\n",
                StandardCharsets.UTF_8);
        try (AlertCatcher hook = AlertCatcher.start()) {
            Map<String, String> env = new HashMap<>();
            env.put("ORIENTIR_HOME", home.toString());
            env.put("ORIENTIR_PIPELINE_RETRIES", "0");
            env.put("ORIENTIR_ALERT_WEBHOOK", hook.url());
            OrientirCli cli = new OrientirCli(env);
            OrientirCli.Result first = cli.run("run", "--inbox", inbox.toString());
            assertEquals(0, first.exitCode(), first.stdout() + first.stderr());

            // A reader holds the warehouse file (read-only, as export, report and Superset open it) for 8 seconds.
            CountDownLatch reading = new CountDownLatch(1);
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                Properties p = new Properties();
                p.setProperty("duckdb.read_only", "true");
                try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"), p);
                     Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM list_transitions")) {
                    rs.next();
                    reading.countDown();
                    Thread.sleep(8_000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(reading.await(30, TimeUnit.SECONDS), "the reader opened the warehouse");
            Files.writeString(inbox.resolve("schools_2.csv"), "school_id,name,municipality\nS2,Школа №2,Саров\n",
                    StandardCharsets.UTF_8);
            OrientirCli.Result waited = cli.run("run", "--inbox", inbox.toString());
            reader.get(30, TimeUnit.SECONDS);
            assertEquals(0, waited.exitCode(), "the run waits for the reader:\n" + waited.stdout() + waited.stderr());

            // Another run holds the lock: this one cannot start, and says so everywhere.
            try (FileChannel channel = FileChannel.open(home.resolve("orientir.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = channel.lock()) {
                OrientirCli.Result refused = cli.run("run", "--inbox", inbox.toString());
                assertEquals(1, refused.exitCode(), refused.stdout() + refused.stderr());
                assertTrue((refused.stdout() + refused.stderr()).contains("Другой запуск Orientir уже работает"),
                        refused.stdout() + refused.stderr());
            }
            List<String> alerts = hook.bodies();
            assertEquals(1, alerts.size(), "the run that did not start was alerted: " + alerts);
            JsonNode alert = new ObjectMapper().readTree(alerts.get(0));
            assertEquals("failed", alert.get("status").asText());
            assertTrue(alert.get("error").asText().startsWith("запуск не начат: Другой запуск Orientir"), alerts.get(0));

            OrientirCli.Result status = cli.run("status");
            assertEquals(0, status.exitCode(), status.stderr());
            assertTrue(status.stdout().contains("запуск не начат"), "the attempt is in the run history:\n" + status.stdout());
        }
    }
}
