package ru.orientir.tools.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.tools.generate.GeneratorOptions;
import ru.orientir.tools.generate.RegionGenerator;

/**
 * Issue 16 on a real Spark standalone cluster: a master and two workers on 127.0.0.1, each a separate process of a
 * real Spark 4.0.1 distribution (PyPI's pyspark ships one: bin/spark-class, bin/spark-submit, jars/), started once for
 * the class, and an S3-compatible server on loopback for {@code s3a://} storage: moto's server, a test stand-in for
 * S3 (not S3 itself). One {@code local[*]} run of a small generated region is the reference; every mart of each
 * cluster run must equal it, value by value (every column but the run id).
 *
 * <p>Where pyspark or moto is missing the class fails under CI and is skipped elsewhere, naming the reason.
 */
class SparkClusterIT {
    private static final Pattern PUBLISHED = Pattern.compile("Опубликованы витрины: (.*)");
    private static final String SECRET = "orientir-test-secret-must-never-be-logged";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static Path root;
    private static Path sparkHome;
    private static final List<Process> started = new ArrayList<>();
    private static int masterPort;
    private static int s3Port;
    private static Path inbox;
    private static Path reference;
    private static List<String> marts;

    @BeforeAll
    static void startClusterAndReferenceRun() throws Exception {
        String configured = System.getenv("ORIENTIR_ROOT");
        root = configured != null ? Path.of(configured) : Path.of("..").toAbsolutePath().normalize();
        sparkHome = sparkHome();
        long t0 = System.nanoTime();
        masterPort = freePort();
        int masterUi = freePort();
        Path logs = Files.createDirectories(dir.resolve("cluster-logs"));
        start(logs.resolve("master.log"), Map.of(), sparkHome.resolve("bin/spark-class").toString(),
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(masterPort),
                "--webui-port", String.valueOf(masterUi));
        for (int i = 1; i <= 2; i++) {
            // the executors read s3a:// with the credentials of their machine's environment, as on a real cluster
            start(logs.resolve("worker" + i + ".log"), Map.of("AWS_ACCESS_KEY_ID", "orientir-test-key",
                    "AWS_SECRET_ACCESS_KEY", SECRET), sparkHome.resolve("bin/spark-class").toString(),
                    "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                    "--webui-port", String.valueOf(freePort()), "--work-dir", dir.resolve("worker" + i).toString(),
                    "spark://127.0.0.1:" + masterPort);
        }
        s3Port = freePort();
        start(logs.resolve("moto.log"), Map.of(), motoServer(), "-H", "127.0.0.1", "-p", String.valueOf(s3Port));

        inbox = dir.resolve("inbox");
        new RegionGenerator(3).generate(40, 3, 2025, inbox, new GeneratorOptions(GeneratorOptions.Format.CSV, GeneratorOptions.Results.AGGREGATE));
        reference = dir.resolve("local");
        Result local = run(reference, null, Map.of(), "run", "--inbox", inbox.toString());
        assertEquals(0, local.exitCode(), local.output());
        marts = published(local.output());

        awaitWorkers(masterUi, logs);
        HttpResponse<String> bucket = await(() -> HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + s3Port + "/orientir")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()), "moto_server on port " + s3Port, logs.resolve("moto.log"));
        assertEquals(200, bucket.statusCode(), bucket.body());
        System.out.printf("SparkClusterIT: cluster, S3 stand-in (moto) and the local[*] reference run in %.0f s%n",
                (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
        }
        for (Process p : started) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            assertFalse(p.isAlive(), "a cluster process did not stop: " + p.pid());
        }
    }

    /**
     * Client mode on s3a:// storage: the pipeline is the driver, the snapshot goes to the S3 stand-in, the executors
     * read it there and write the marts, which come back and are published. A run against an unreachable master fails
     * first with the master's name, and the next run completes as after any failed step.
     */
    @Test
    void clientModeOnS3aStorageGivesTheLocalMarts() throws Exception {
        Path home = dir.resolve("client-s3a");
        String storage = "s3a://orientir/shared";
        int closed = freePort();
        Result unreachable = run(home, config("spark://127.0.0.1:" + closed, "client", storage), s3Env(), "run",
                "--inbox", inbox.toString());
        assertEquals(1, unreachable.exitCode(), unreachable.output());
        assertTrue(unreachable.output().contains("Кластер Spark недоступен: мастер spark://127.0.0.1:" + closed),
                unreachable.output());

        long t0 = System.nanoTime();
        Result cluster = run(home, config("spark://127.0.0.1:" + masterPort, "client", storage), s3Env(), "run",
                "--inbox", inbox.toString());
        System.out.printf("SparkClusterIT: client mode on s3a in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(0, cluster.exitCode(), cluster.output());
        assertEquals(marts, published(cluster.output()));
        assertSameMarts(home);
        assertFalse(cluster.output().contains(SECRET), "the storage secret is in the run's log");
        assertFalse(unreachable.output().contains(SECRET), "the storage secret is in the run's log");

        String keys = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s3Port
                + "/orientir?list-type=2&prefix=shared/runs/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(keys.matches("(?s).*shared/runs/run-[^/]+/snapshot/exam_aggregates\\.parquet.*"), keys);
        assertTrue(keys.matches("(?s).*shared/runs/run-[^/]+/marts/school_status/part-[^<]+\\.parquet.*"), keys);
        assertTrue(executorsRan(), "no executor of the cluster ran a task");
    }

    /**
     * Mode (b): the pipeline writes the run's settings beside its snapshot on shared storage, logs the spark-submit
     * command and waits; the command, run as logged against the packaged jar, writes the marts the pipeline publishes.
     */
    @Test
    void sparkSubmitOfThePackagedJarGivesTheLocalMarts() throws Exception {
        Path home = dir.resolve("spark-submit");
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path log = dir.resolve("spark-submit-run.log");
        Process pipeline = background(home, config("spark://127.0.0.1:" + masterPort, "spark-submit",
                shared.toUri().toString()), log, "run", "--inbox", inbox.toString());
        String command = null;
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (command == null) {
            assertTrue(pipeline.isAlive(), "the run ended before waiting for spark-submit:\n" + Files.readString(log));
            assertTrue(System.nanoTime() < until, "no spark-submit command in 4 minutes:\n" + Files.readString(log));
            command = Files.readString(log).lines().filter(l -> l.startsWith("spark-submit ")).findFirst().orElse(null);
            Thread.sleep(200);
        }
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        assertTrue(args.contains("etl/analytics-app/target/orientir-analytics-app.jar"), command);
        args.set(0, sparkHome.resolve("bin/spark-submit").toString());
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(args).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("spark-submit.log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        Process submit = pb.start();
        assertTrue(submit.waitFor(10, TimeUnit.MINUTES), "spark-submit did not finish in 10 minutes");
        assertEquals(0, submit.exitValue(), Files.readString(dir.resolve("spark-submit.log")));
        assertTrue(pipeline.waitFor(2, TimeUnit.MINUTES), "the run did not end after the application did");
        System.out.printf("SparkClusterIT: spark-submit in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        String output = Files.readString(log);
        assertEquals(0, pipeline.exitValue(), output);
        assertEquals(marts, published(output));
        assertSameMarts(home);
        assertTrue(Files.exists(shared.resolve("runs")), "nothing written to the shared folder");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String config(String master, String deploy, String storage) {
        return String.join("\n",
                "pipeline: {retries: 0}",
                "analytics:",
                "  storage: " + storage,
                "  spark:",
                "    master: " + master,
                "    deploy: " + deploy,
                "    wait: 10m",
                "    conf:",
                "      spark.driver.host: 127.0.0.1",
                "      spark.driver.bindAddress: 127.0.0.1",
                "      spark.executor.memory: 512m",
                // fewer, larger tasks than the local run's 8: the marts must not depend on the partitioning either
                "      spark.sql.shuffle.partitions: 2",
                "      spark.hadoop.fs.s3a.endpoint: http://127.0.0.1:" + s3Port,
                "      spark.hadoop.fs.s3a.endpoint.region: us-east-1",
                "      spark.hadoop.fs.s3a.path.style.access: true",
                "      spark.hadoop.fs.s3a.connection.ssl.enabled: false",
                "");
    }

    private static Map<String, String> s3Env() {
        return Map.of("AWS_ACCESS_KEY_ID", "orientir-test-key", "AWS_SECRET_ACCESS_KEY", SECRET);
    }

    record Result(int exitCode, String output) {
    }

    /** bin/orientir with its own home, the config text as ORIENTIR_CONFIG (none: defaults), info logging. */
    private static Result run(Path home, String config, Map<String, String> env, String... args) throws Exception {
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = background(home, config, log, env, args);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("bin/orientir " + String.join(" ", args) + " did not finish in 10 minutes:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Process background(Path home, String config, Path log, String... args) throws IOException {
        return background(home, config, log, Map.of(), args);
    }

    private static Process background(Path home, String config, Path log, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/orientir").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("ORIENTIR_HOME", home.toString());
        pb.environment().put("ORIENTIR_LOG_LEVEL", "info");
        if (config != null) {
            Files.createDirectories(home);
            pb.environment().put("ORIENTIR_CONFIG", Files.writeString(home.resolve("orientir.yml"), config).toString());
        }
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The marts the run's summary says it published, in order. */
    private static List<String> published(String output) {
        Matcher m = PUBLISHED.matcher(output);
        assertTrue(m.find(), output);
        List<String> names = new ArrayList<>();
        for (String part : m.group(1).split(", ")) {
            names.add(part.substring(0, part.indexOf(' ')));
        }
        assertTrue(names.size() >= 14, names.toString());
        return names;
    }

    /** Every published mart of {@code home}'s warehouse equals the reference's, row by row and column by column. */
    private static void assertSameMarts(Path home) throws Exception {
        Map<String, List<String>> expected = rows(reference);
        Map<String, List<String>> actual = rows(home);
        long total = 0;
        for (String mart : marts) {
            assertEquals(expected.get(mart), actual.get(mart), mart);
            total += expected.get(mart).size();
        }
        assertTrue(total > 1000, "the reference marts hold " + total + " rows");
    }

    private static Map<String, List<String>> rows(Path home) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"), readOnly);
             Statement s = c.createStatement()) {
            for (String mart : marts) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + mart)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            if (!md.getColumnName(i).equals("run_id")) {
                                line.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append('|');
                            }
                        }
                        lines.add(line.toString());
                    }
                }
                lines.sort(null);
                rows.put(mart, lines);
            }
        }
        return rows;
    }

    private static boolean executorsRan() throws IOException {
        try (var files = Files.walk(dir.resolve("worker1"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                if (Files.readString(f).contains("Finished task")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Process start(Path log, Map<String, String> env, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_LOG_DIR", dir.resolve("cluster-logs").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static void awaitWorkers(int masterUi, Path logs) throws Exception {
        HttpResponse<String> status = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until) {
            try {
                status = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (status.body().matches("(?s).*\"aliveworkers\"\\s*:\\s*2\\b.*")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("the Spark standalone cluster did not start: no master with 2 alive workers in 120 s ("
                + (status == null ? "no answer" : status.body()) + ")\nmaster: " + Files.readString(logs.resolve("master.log"))
                + "\nworker1: " + Files.readString(logs.resolve("worker1.log")));
    }

    interface Attempt<T> {
        T get() throws Exception;
    }

    private static <T> T await(Attempt<T> attempt, String what, Path log) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return attempt.get();
            } catch (IOException e) {
                if (System.nanoTime() > until) {
                    fail(what + " did not answer in 60 s: " + e + "\n" + Files.readString(log));
                }
                Thread.sleep(300);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A Spark distribution: SPARK_HOME, else the one pip's pyspark installed. */
    private static Path sparkHome() throws Exception {
        String env = System.getenv("SPARK_HOME");
        if (env != null && Files.isExecutable(Path.of(env, "bin/spark-class"))) {
            return Path.of(env);
        }
        String found = output("python3", "-c", "import os, pyspark; print(os.path.dirname(pyspark.__file__))");
        if (found != null && Files.isExecutable(Path.of(found.strip(), "bin/spark-class"))) {
            return Path.of(found.strip());
        }
        return unavailable("no Spark distribution: neither SPARK_HOME nor python3's pyspark (pip install pyspark==4.0.1, "
                + "as .ci/run does)");
    }

    private static String motoServer() throws Exception {
        String found = output("sh", "-c", "command -v moto_server");
        if (found != null && !found.isBlank()) {
            return found.strip();
        }
        return unavailable("no moto_server, the S3 stand-in (pip install 'moto[server]', as .ci/run does)");
    }

    private static <T> T unavailable(String reason) {
        if (System.getenv("CI") != null) {
            fail("SparkClusterIT cannot run under CI: " + reason);
        }
        System.err.println("SparkClusterIT SKIPPED: " + reason);
        Assumptions.abort("SparkClusterIT skipped: " + reason);
        return null;
    }

    private static String output(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
