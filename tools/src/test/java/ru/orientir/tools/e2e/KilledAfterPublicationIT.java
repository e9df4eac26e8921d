package ru.orientir.tools.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ru.orientir.jobs.e2e.OrientirCli;
import ru.orientir.jobs.e2e.AlertCatcher;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import ru.orientir.tools.generate.GeneratorOptions;
import ru.orientir.tools.generate.RegionGenerator;

/**
 * kill -9 between the publication and the dashboards sync: the run has published its marts and is talking to a
 * Superset that never answers when it is killed. The next {@code run} resumes it from its publish step, publishes the
 * same marts again, finds Superset unreachable and ends {@code partial} (exit 3) with the reason, the webhook and
 * the marts in place — never as a success, never without its marts.
 */
class KilledAfterPublicationIT {
    private static final String KEY = "killed-after-publication-test-key-0123456789";

    @TempDir
    Path dir;

    @Test
    void aRunKilledDuringTheSyncResumesToPartialWithItsMarts() throws Exception {
        Path inbox = dir.resolve("inbox");
        new RegionGenerator(11).generate(60, 3, 2025, inbox,
                new GeneratorOptions(GeneratorOptions.Format.CSV, GeneratorOptions.Results.AGGREGATE));
        Path home = dir.resolve("home");

        CountDownLatch syncStarted = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        silent.setExecutor(Executors.newCachedThreadPool());
        silent.createContext("/", exchange -> {
            syncStarted.countDown();
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(10)); // a Superset that never answers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        silent.start();
        Process run;
        try (AlertCatcher hook = AlertCatcher.start()) {
            Path log = dir.resolve("killed.log");
            ProcessBuilder pb = new ProcessBuilder(new OrientirCli(Map.of()).launcher().toString(), "run", "--inbox",
                    inbox.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("ORIENTIR_HOME", home.toString());
            pb.environment().put("ORIENTIR_PSEUDONYM_KEY", KEY);
            pb.environment().put("SUPERSET_URL", "http://127.0.0.1:" + silent.getAddress().getPort());
            pb.environment().put("SUPERSET_USERNAME", "admin");
            pb.environment().put("SUPERSET_PASSWORD", "superset-admin-password");
            pb.environment().put("ORIENTIR_ALERT_WEBHOOK", hook.url());
            run = pb.start();
            assertTrue(syncStarted.await(5, TimeUnit.MINUTES), "the sync never started:\n" + Files.readString(log));
            run.destroyForcibly(); // SIGKILL after the publication, during the sync
            assertTrue(run.waitFor(1, TimeUnit.MINUTES));
            assertEquals(137, run.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            assertEquals(0, hook.bodies().size(), "a killed process sends nothing");

            int dead;
            try (ServerSocket free = new ServerSocket(0)) {
                dead = free.getLocalPort();
            }
            OrientirCli cli = new OrientirCli(Map.of("ORIENTIR_HOME", home.toString(), "ORIENTIR_PSEUDONYM_KEY", KEY,
                    "SUPERSET_URL", "http://127.0.0.1:" + dead, "SUPERSET_USERNAME", "admin",
                    "SUPERSET_PASSWORD", "superset-admin-password", "ORIENTIR_ALERT_WEBHOOK", hook.url()));
            OrientirCli.Result resumed = cli.run("run", "--inbox", inbox.toString());
            assertEquals(3, resumed.exitCode(), resumed.stdout() + resumed.stderr());
            assertTrue(resumed.stderr().contains("resuming it from step publish"), resumed.stderr());
            assertTrue(resumed.stdout().contains("Запуск завершён частично: витрины опубликованы, но дашборды Superset не обновлены"),
                    resumed.stdout());
            assertEquals(1, hook.bodies().size(), hook.bodies().toString());
            assertEquals("partial", hook.json(0).get("status").asText());

            OrientirCli reader = new OrientirCli(Map.of("ORIENTIR_HOME", home.toString()));
            OrientirCli.Result transitions = reader.run("export", "list_transitions", "--format", "csv");
            assertEquals(0, transitions.exitCode(), transitions.stderr());
            assertTrue(transitions.stdout().lines().count() > 3, "the marts are published:\n" + transitions.stdout());
            OrientirCli.Result status = reader.run("status");
            assertTrue(status.stdout().contains("частично"), status.stdout());
        } finally {
            silent.stop(0);
        }
    }
}
