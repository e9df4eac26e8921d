package ru.orientir.jobs.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * docker-compose.yml is validated without a Docker engine by .ci/check-compose.py (see its header); the stack's own
 * guards are exercised here too: the secrets of .env.example are placeholders the services refuse, Superset's config
 * and start script refuse them, and the orientir container's health check reads the scheduler's verdict.
 */
class ComposeFileTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String HEARTBEAT = "/var/lib/orientir/scheduler.heartbeat";

    record Result(int exit, String output) {
    }

    private static Result run(Map<String, String> env, String... command) throws Exception {
        return run(Duration.ofMinutes(2), env, command);
    }

    /**
     * Runs the command to its end within the timeout; one that outlives it is killed and fails the test. The output
     * goes to a file, not a pipe: reading a pipe to its end would wait for a hung command forever.
     */
    private static Result run(Duration timeout, Map<String, String> env, String... command) throws Exception {
        Path output = Files.createTempFile("compose-test", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close(); // nothing to read: a command asking for input gets end of file
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s; its output: "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void aCommandThatOutlivesItsTimeoutFailsTheTest() {
        long started = System.nanoTime();
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> run(Duration.ofSeconds(1), Map.of(), "sh", "-c", "echo started; sleep 30"));
        assertTrue(e.getMessage().contains("did not finish within 1 s") && e.getMessage().contains("started"),
                e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20, "the hung command was killed");
    }

    @Test
    void supersetSpeaksRussianAndKeepsItsSecurityApi() throws Exception {
        String config = "import json, runpy; c = runpy.run_path('docker/superset/superset_config.py'); "
                + "print(json.dumps({k: c.get(k) for k in ('BABEL_DEFAULT_LOCALE', 'LANGUAGES', "
                + "'FAB_ADD_SECURITY_API', 'D3_FORMAT', 'DATA_CACHE_CONFIG')}))";
        Map<String, String> env = Map.of("SUPERSET_SECRET_KEY", "k".repeat(32), "SUPERSET_DB_USER", "superset",
                "SUPERSET_DB_PASSWORD", "db-password-123");
        Result r = run(env, "python3", "-c", config);
        assertEquals(0, r.exit(), r.output());
        JsonNode values = new ObjectMapper().readTree(r.output());
        assertEquals("ru", values.path("BABEL_DEFAULT_LOCALE").asText());
        assertTrue(values.path("LANGUAGES").has("ru"), "Russian is enabled: " + values);
        assertTrue(values.path("FAB_ADD_SECURITY_API").asBoolean(), "dashboards sync needs the security API");
        assertEquals(",", values.path("D3_FORMAT").path("decimal").asText(), "numbers read 35,1: " + values);
        // chart results cached on the superset-home volume, one cache for every web worker, an hour at most
        JsonNode cache = values.path("DATA_CACHE_CONFIG");
        assertEquals("FileSystemCache", cache.path("CACHE_TYPE").asText(), values.toString());
        assertTrue(cache.path("CACHE_DIR").asText().startsWith("/app/superset_home/"), values.toString());
        assertEquals(3600, cache.path("CACHE_DEFAULT_TIMEOUT").asInt(), values.toString());
    }

    @Test
    void composeFileIsValid() throws Exception {
        Result r = run(Map.of(), "python3", ".ci/check-compose.py");
        System.out.println(r.output().strip());
        assertEquals(0, r.exit(), r.output());
    }

    @Test
    void theApplicationGetsThePseudonymKeyAsAComposeSecret() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        JsonNode orientir = compose.at("/services/orientir");
        String file = orientir.at("/environment/ORIENTIR_PSEUDONYM_KEY_FILE").asText();
        assertTrue(file.startsWith("/run/secrets/"), "ORIENTIR_PSEUDONYM_KEY_FILE: " + file);
        String secret = file.substring("/run/secrets/".length());
        List<String> mounted = new ArrayList<>();
        orientir.path("secrets").forEach(s -> mounted.add(s.isTextual() ? s.asText() : s.path("source").asText()));
        assertEquals(List.of(secret), mounted, "the orientir service mounts the key's secret");
        assertTrue(orientir.path("environment").path("ORIENTIR_PSEUDONYM_KEY").isMissingNode(),
                "the key itself never travels in the environment");
        assertTrue(compose.at("/secrets/" + secret + "/file").asText().startsWith("${ORIENTIR_PSEUDONYM_KEY_PATH:?"),
                compose.at("/secrets").toString());
        assertTrue(Files.readString(ROOT.resolve(".env.example")).contains("\nORIENTIR_PSEUDONYM_KEY_PATH=./secrets/pseudonym.key\n"));
        Result ignored = run(Map.of(), "git", "check-ignore", "--no-index", "secrets/pseudonym.key");
        assertEquals(0, ignored.exit(), "secrets/ is ignored by git: " + ignored.output());
    }

    @Test
    void everySecretOfTheEnvExampleIsAPlaceholderTheServicesRefuse(@TempDir Path dir) throws Exception {
        String example = Files.readString(ROOT.resolve(".env.example"));
        assertTrue(example.contains("ORIENTIR_PSEUDONYM_KEY_PATH=./secrets/pseudonym.key"), "the key file is in the example");
        Path usable = Files.writeString(dir.resolve("env.example"),
                example.replace("SUPERSET_SECRET_KEY=change-me-superset-secret-key", "SUPERSET_SECRET_KEY=a-real-looking-secret"));
        Result r = run(Map.of(), "python3", ".ci/check-compose.py", "docker-compose.yml", usable.toString(),
                "--project-dir", ROOT.toString());
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("SUPERSET_SECRET_KEY: a secret in the example must be a change-me placeholder"), r.output());
    }

    @Test
    void supersetRefusesPlaceholderAndShortSecrets() throws Exception {
        String config = "import runpy; runpy.run_path('docker/superset/superset_config.py')";
        Map<String, String> good = Map.of("SUPERSET_SECRET_KEY", "k".repeat(32), "SUPERSET_DB_USER", "superset",
                "SUPERSET_DB_PASSWORD", "db-password-123");
        assertEquals(0, run(good, "python3", "-c", config).exit());
        Result placeholder = run(with(good, "SUPERSET_SECRET_KEY", "change-me-superset-secret-key"), "python3", "-c", config);
        assertNotEquals(0, placeholder.exit());
        assertTrue(placeholder.output().contains("SUPERSET_SECRET_KEY — это образец из .env.example"), placeholder.output());
        Result shortKey = run(with(good, "SUPERSET_SECRET_KEY", "k".repeat(31)), "python3", "-c", config);
        assertTrue(shortKey.output().contains("SUPERSET_SECRET_KEY короче 32 символов"), shortKey.output());
        Result shortDb = run(with(good, "SUPERSET_DB_PASSWORD", "change-me-superset-db"), "python3", "-c", config);
        assertTrue(shortDb.output().contains("SUPERSET_DB_PASSWORD — это образец"), shortDb.output());

        String check = "docker/superset/admin_user.py";
        Map<String, String> admin = Map.of("SUPERSET_ADMIN_USER", "admin", "SUPERSET_ADMIN_EMAIL", "admin@example.org",
                "SUPERSET_ADMIN_PASSWORD", "admin-password-123");
        assertEquals(0, run(admin, "python3", check, "--check").exit());
        Result adminPlaceholder = run(with(admin, "SUPERSET_ADMIN_PASSWORD", "change-me-superset-admin"), "python3", check, "--check");
        assertEquals(1, adminPlaceholder.exit());
        assertTrue(adminPlaceholder.output().contains("SUPERSET_ADMIN_PASSWORD — это образец"), adminPlaceholder.output());
        assertTrue(run(with(admin, "SUPERSET_ADMIN_PASSWORD", "short"), "python3", check, "--check").output()
                .contains("короче 12 символов"));
    }

    @Test
    void theSupersetAdminPasswordNeverGoesOnACommandLine() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("docker/superset/bootstrap.sh"))) {
            String code = line.strip();
            if (code.startsWith("#")) {
                continue;
            }
            if (code.contains("--password") || code.contains("SUPERSET_ADMIN_PASSWORD") && !code.startsWith(": \"${")) {
                problems.add(line);
            }
        }
        assertEquals(List.of(), problems, "bootstrap.sh hands the admin password to a command's arguments");
    }

    @Test
    void theHealthCheckReadsTheSchedulersVerdict(@TempDir Path dir) throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        JsonNode test = compose.at("/services/orientir/healthcheck/test");
        assertEquals("CMD-SHELL", test.get(0).asText());
        Path heartbeat = dir.resolve("scheduler.heartbeat");
        String command = test.get(1).asText().replace("$$", "$").replace(HEARTBEAT, heartbeat.toString());
        assertTrue(test.get(1).asText().contains(HEARTBEAT), test.toString());

        Files.writeString(heartbeat, Instant.now() + "\nhealth=ok\nпоследний запуск: succeeded\n");
        assertEquals(0, run(Map.of(), "sh", "-c", command).exit(), "fresh and healthy");

        Files.writeString(heartbeat, Instant.now() + "\nhealth=unhealthy\nпоследний запуск по расписанию завершился "
                + "со статусом failed\n");
        Result failed = run(Map.of(), "sh", "-c", command);
        assertEquals(1, failed.exit(), "the last scheduled run failed");
        assertTrue(failed.output().contains("завершился со статусом failed"), "the reason is the check's output: " + failed.output());

        Files.writeString(heartbeat, Instant.now() + "\nhealth=ok\n");
        Files.setLastModifiedTime(heartbeat, FileTime.from(Instant.now().minusSeconds(180)));
        assertEquals(1, run(Map.of(), "sh", "-c", command).exit(), "a stale heartbeat: the scheduler hangs");

        Files.delete(heartbeat);
        Result missing = run(Map.of(), "sh", "-c", command);
        assertEquals(1, missing.exit());
        assertFalse(missing.output().isBlank(), "says that there is no heartbeat file");
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
