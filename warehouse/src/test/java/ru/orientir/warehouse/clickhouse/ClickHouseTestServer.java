package ru.orientir.warehouse.clickhouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.clickhouse.ClickHouseContainer;
import org.testcontainers.utility.DockerImageName;

import ru.orientir.warehouse.WarehouseSettings;

/**
 * Test support: a ClickHouse server for tests, one per JVM, found in this order:
 * <ol>
 *   <li>{@code $ORIENTIR_TEST_CLICKHOUSE_URL} (a JDBC URL, with {@code _USER} and {@code _PASSWORD}): a server you run;</li>
 *   <li>a Testcontainers {@value #IMAGE} where a Docker engine is available;</li>
 *   <li>the chDB stand-in {@code warehouse/src/test/python/clickhouse_standin.py}: ClickHouse's HTTP interface served
 *       from one chDB session by {@code python3} (or {@code $ORIENTIR_PYTHON}) on a free loopback port, with a user and
 *       a random password. It is a stand-in for tests, not a ClickHouse server (see warehouse/README.md).</li>
 * </ol>
 * When none can be had, {@link #require()} fails the test under {@code $CI} and skips it elsewhere, loudly.
 * Tests work in their own database: {@link #freshDatabase(String)} and {@link #dropDatabase(WarehouseSettings)}.
 */
public final class ClickHouseTestServer {
    public static final String IMAGE = "clickhouse/clickhouse-server:25.8";
    public static final String KIND_URL = "server URL";
    public static final String KIND_TESTCONTAINERS = "testcontainers";
    public static final String KIND_STAND_IN = "chDB stand-in";
    public static final String SKIP_MESSAGE = "SKIPPED: no ORIENTIR_TEST_CLICKHOUSE_URL, no Docker engine and no "
            + "usable chDB stand-in (python3 with chdb) — ClickHouse server tests not run";

    private static final String STAND_IN_SCRIPT = "warehouse/src/test/python/clickhouse_standin.py";
    private static final String STAND_IN_USER = "orientir_test";
    private static final String STAND_IN_READER = "orientir_reader";
    private static String standInReaderPassword;
    private static final long STAND_IN_START_SECONDS = 120;

    private static ClickHouseTestServer instance;
    private static String unavailable;
    private static boolean skipAnnounced;

    private final String kind;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private ClickHouseTestServer(String kind, String jdbcUrl, String user, String password) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** The server for this JVM; fails the test under {@code $CI} and skips it elsewhere when there is none. */
    public static synchronized ClickHouseTestServer require() {
        if (instance == null && unavailable == null) {
            resolve();
        }
        if (instance != null) {
            return instance;
        }
        if (ciIsSet()) {
            Assertions.fail("A ClickHouse server is required under CI (CI=" + System.getenv("CI") + ") and none is "
                    + "usable: " + unavailable);
        }
        if (!skipAnnounced) {
            skipAnnounced = true;
            System.err.println(SKIP_MESSAGE);
            System.err.println("  (" + unavailable + ")");
        }
        Assumptions.abort(SKIP_MESSAGE + " (" + unavailable + ")");
        throw new AssertionError("unreachable");
    }

    private static void resolve() {
        String url = System.getenv("ORIENTIR_TEST_CLICKHOUSE_URL");
        if (url != null && !url.isBlank()) {
            instance = new ClickHouseTestServer(KIND_URL, url.strip(), System.getenv("ORIENTIR_TEST_CLICKHOUSE_USER"),
                    System.getenv("ORIENTIR_TEST_CLICKHOUSE_PASSWORD"));
            return;
        }
        if (dockerAvailable()) {
            // Orientir refuses passwords under 12 characters (Testcontainers defaults to "test").
            ClickHouseContainer container = new ClickHouseContainer(DockerImageName.parse(IMAGE))
                    .withPassword("orientir-test-" + Long.toHexString(new SecureRandom().nextLong()));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "clickhouse-testcontainer-stop"));
            instance = new ClickHouseTestServer(KIND_TESTCONTAINERS, container.getJdbcUrl(), container.getUsername(),
                    container.getPassword());
            return;
        }
        StandIn.start();
    }

    private static boolean ciIsSet() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    /** "server URL", "testcontainers" or "chDB stand-in". */
    public String kind() {
        return kind;
    }

    /** The server's JDBC URL, in its default database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The server's HTTP interface, e.g. {@code http://127.0.0.1:8123/}. */
    public String httpUrl() {
        return ClickHouseWarehouse.Endpoint.parse(jdbcUrl).httpUrl();
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Settings of the server in its default database. */
    public WarehouseSettings settings() {
        return new WarehouseSettings(jdbcUrl, user, password);
    }

    /** A JDBC connection to the server's default database with this server's credentials. */
    public Connection connect() throws SQLException {
        return connect(settings());
    }

    /** A JDBC connection as the given settings say. */
    public static Connection connect(WarehouseSettings s) throws SQLException {
        Properties props = new Properties();
        if (s.user() != null) {
            props.setProperty("user", s.user());
        }
        if (s.password() != null) {
            props.setProperty("password", s.password());
        }
        return DriverManager.getConnection(s.jdbcUrl(), props);
    }

    /**
     * Creates {@code <prefix>_<random>} ({@code ENGINE = Atomic}, so EXCHANGE TABLES works) and returns the settings of
     * this server in that database.
     */
    /** A read-only user: who Superset reads the warehouse as. */
    public record Reader(String user, String password) {
        @Override
        public String toString() {
            return "Reader[" + user + "]";
        }
    }

    /**
     * A read-only user for {@code database}. On a ClickHouse server it is created with the project's own grants
     * (docker/clickhouse/init/reader-grants.sql.in), so the grants are exercised for real; the stand-in has no access
     * control and gives its read-only user instead (every write refused by the engine's {@code readonly = 1}).
     */
    public Reader readerFor(WarehouseSettings database) throws SQLException, java.io.IOException {
        if (KIND_STAND_IN.equals(kind)) {
            return new Reader(STAND_IN_READER, standInReaderPassword);
        }
        String db = database.jdbcUrl().replaceAll("^.*//[^/]*/", "").replaceAll("[?#].*$", "");
        String reader = "reader_" + db;
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String password = "R-" + HexFormat.of().formatHex(secret);
        String template = Files.readString(repositoryRoot().resolve("docker/clickhouse/init/reader-grants.sql.in"),
                StandardCharsets.UTF_8);
        String sql = template.replace("{reader}", reader).replace("{database}", db).replace("{password}", "'" + password + "'");
        try (Connection c = connect(); java.sql.Statement s = c.createStatement()) {
            for (String statement : ru.orientir.warehouse.SqlResource.statements(sql)) {
                s.execute(statement);
            }
        }
        return new Reader(reader, password);
    }

    public WarehouseSettings freshDatabase(String prefix) throws SQLException {
        String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " ENGINE = Atomic");
        }
        return new WarehouseSettings(withDatabase(jdbcUrl, database), user, password);
    }

    /** Drops the database the settings point at (from {@link #freshDatabase(String)}), if it exists. */
    public void dropDatabase(WarehouseSettings settings) throws SQLException {
        dropDatabase(ClickHouseWarehouse.Endpoint.parse(settings.jdbcUrl()).database());
    }

    public void dropDatabase(String database) throws SQLException {
        if ("default".equals(database) || "system".equals(database)) {
            throw new IllegalArgumentException("Refusing to drop the server's database " + database);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database.replace("`", "\\`") + "` SYNC");
        }
    }

    /** The same JDBC URL (any scheme, host, port and parameters) with another database in its path. */
    public static String withDatabase(String jdbcUrl, String database) {
        Matcher m = Pattern.compile("^(jdbc:(?:clickhouse|ch):(?:[a-z]+:)?//[^/?#]*)(/[^?#]*)?(.*)$").matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Cannot place a database in the ClickHouse URL " + jdbcUrl);
        }
        return m.group(1) + "/" + database + m.group(3);
    }

    /**
     * Asks Testcontainers, unless no Docker endpoint is even plausible: then Testcontainers would only log an ERROR
     * with a stack of failed strategies before answering no, and the fallback is cleaner without it.
     */
    static boolean dockerAvailable() {
        if (!dockerEndpointPlausible()) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /** Any of the places Testcontainers looks for a Docker (or Podman, Colima, Rancher Desktop) engine. */
    static boolean dockerEndpointPlausible() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return true;   // named pipes: let Testcontainers decide
        }
        for (String variable : List.of("DOCKER_HOST", "TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE", "TESTCONTAINERS_HOST_OVERRIDE")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        Path home = Path.of(System.getProperty("user.home", "/"));
        List<Path> candidates = new ArrayList<>(List.of(
                home.resolve(".testcontainers.properties"),
                Path.of("/var/run/docker.sock"),
                Path.of("/run/docker.sock"),
                Path.of("/run/podman/podman.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".rd/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".colima/docker.sock")));
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            candidates.add(Path.of(runtime, "docker.sock"));
            candidates.add(Path.of(runtime, "podman/podman.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }

    /** The repository's root: the first folder up from Surefire's {@code basedir} (or the working directory) holding the stand-in. */
    public static Path repositoryRoot() {
        List<Path> starts = new ArrayList<>();
        String basedir = System.getProperty("basedir");
        if (basedir != null) {
            starts.add(Path.of(basedir));
        }
        starts.add(Path.of(System.getProperty("user.dir")));
        for (Path start : starts) {
            for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve(STAND_IN_SCRIPT))) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("Cannot find " + STAND_IN_SCRIPT + " in any folder above " + starts);
    }

    /** The stand-in's script, found from any module's working folder. */
    public static Path standInScript() {
        return repositoryRoot().resolve(STAND_IN_SCRIPT);
    }

    @Override
    public String toString() {
        return "ClickHouseTestServer[" + kind + ", " + jdbcUrl + (user == null ? "" : ", user=" + user) + "]";
    }

    /** Starting and stopping the chDB stand-in process. */
    private static final class StandIn {
        private StandIn() {
        }

        static void start() {
            String python = System.getenv("ORIENTIR_PYTHON");
            python = python == null || python.isBlank() ? "python3" : python;
            Path script;
            try {
                script = standInScript();
            } catch (IllegalStateException e) {
                unavailable = e.getMessage();
                return;
            }
            Path logDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "clickhouse-standin");
            byte[] secret = new byte[8];
            new SecureRandom().nextBytes(secret);
            String password = "st@nd-in:" + HexFormat.of().formatHex(secret);
            Process process;
            Path log;
            try {
                Files.createDirectories(logDir);
                log = Files.createTempFile(logDir, "stand-in-", ".log");
                byte[] readerSecret = new byte[8];
                new SecureRandom().nextBytes(readerSecret);
                standInReaderPassword = "r3ader-" + HexFormat.of().formatHex(readerSecret);
                ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--port", "0", "--user", STAND_IN_USER,
                        "--readonly-user", STAND_IN_READER + ":" + standInReaderPassword,
                        "--verbose", "--stop-on-stdin-eof")   // its stdin closes if this JVM dies without the hook
                        .redirectError(log.toFile());
                pb.environment().put("ORIENTIR_STANDIN_PASSWORD", password);
                pb.environment().put("PYTHONIOENCODING", "utf-8");
                pb.environment().put("PYTHONUNBUFFERED", "1");
                process = pb.start();
            } catch (IOException e) {
                unavailable = "cannot start '" + python + "' for the chDB stand-in: " + e.getMessage();
                return;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "clickhouse-standin-stop"));
            String first;
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            try {
                first = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        return null;
                    }
                }).get(STAND_IN_START_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                stop(process);
                throw new AssertionError("The chDB stand-in did not start in " + STAND_IN_START_SECONDS + " s; its log: " + log);
            } catch (Exception e) {
                stop(process);
                throw new AssertionError("The chDB stand-in did not start; its log: " + log, e);
            }
            if (first == null || !first.startsWith("LISTENING ")) {
                stop(process);
                String stderr = readQuietly(log);
                if (stderr.contains("ModuleNotFoundError") || stderr.contains("No module named")) {
                    // chdb (or a module it needs) is not installed: a reason to skip, not a failure.
                    unavailable = "the chDB stand-in cannot run with " + python + ": "
                            + stderr.strip().lines().reduce((a, b) -> b).orElse("") + " (pip install chdb "
                            + "clickhouse-cityhash lz4 zstandard; log " + log + ")";
                    return;
                }
                throw new AssertionError("The chDB stand-in failed to start (first line: " + first + "); its log "
                        + log + ":\n" + stderr);
            }
            int port = Integer.parseInt(first.substring("LISTENING ".length()).strip());
            instance = new ClickHouseTestServer(KIND_STAND_IN, "jdbc:clickhouse://127.0.0.1:" + port + "/default",
                    STAND_IN_USER, password);
            System.err.println("ClickHouse tests run against the chDB stand-in on 127.0.0.1:" + port
                    + " (a test stand-in, not a ClickHouse server; log " + log + ")");
        }

        private static void stop(Process process) {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private static String readQuietly(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(cannot read " + file + ": " + e.getMessage() + ")";
            }
        }
    }
}
