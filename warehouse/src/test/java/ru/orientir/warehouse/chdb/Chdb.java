package ru.orientir.warehouse.chdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test support: runs ClickHouse SQL on a real ClickHouse engine, in process, through chDB (PyPI {@code chdb}) and
 * {@code src/test/python/chdb_harness.py}. This is how the ClickHouse SQL is executed where no ClickHouse server runs.
 *
 * <p>The Python is {@code $ORIENTIR_PYTHON}, else {@code python3}. Without an importable chdb, {@link #require()}
 * fails the test when {@code $CI} is set (CI installs chdb, so its absence is a bug) and skips it otherwise, saying so
 * loudly on stderr.
 */
public final class Chdb {
    public static final String SKIP_MESSAGE = "SKIPPED: chDB not installed (pip install chdb) — ClickHouse SQL not verified";

    private static final int EXIT_NO_CHDB = 3;
    private static final long TIMEOUT_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Chdb instance;
    private static String unavailable;
    private static boolean skipAnnounced;

    /** One column as ClickHouse names and types it, e.g. {@code ("reason", "Nullable(String)")}. */
    public record Column(String name, String type) {
    }

    /** A table or a view ({@code kind} is "table" or "view") and its columns in order. */
    public record Relation(String kind, List<Column> columns) {
        public Relation {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A query result. Values are {@code null}, {@link String}, {@link Boolean}, {@link Long} (or {@link BigInteger}
     * beyond 64 bits), {@link Double}, or {@link List} for ClickHouse arrays and tuples.
     */
    public record Result(List<Column> columns, List<List<Object>> rows) {
        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }
    }

    private final String python;
    private final Path harness;
    private final String version;

    private Chdb(String python, Path harness, String version) {
        this.python = python;
        this.harness = harness;
        this.version = version;
    }

    /** The harness, or a failed (under CI) / skipped (elsewhere) test when chdb cannot be imported. */
    public static synchronized Chdb require() {
        if (instance == null && unavailable == null) {
            probe();
        }
        if (instance != null) {
            return instance;
        }
        if (ciIsSet()) {
            Assertions.fail("chDB is required under CI (CI=" + System.getenv("CI") + ") and is not usable: "
                    + unavailable + ". Install it with: pip install chdb (or point ORIENTIR_PYTHON at a Python that has it)");
        }
        if (!skipAnnounced) {
            skipAnnounced = true;
            System.err.println(SKIP_MESSAGE);
            System.err.println("  (" + unavailable + ")");
        }
        Assumptions.abort(SKIP_MESSAGE + " (" + unavailable + ")");
        throw new AssertionError("unreachable");
    }

    private static boolean ciIsSet() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    private static void probe() {
        String python = pythonExecutable();
        Path harness = harnessScript();
        ProcessResult r;
        try {
            r = exec(List.of(python, harness.toString(), "version"));
        } catch (IOException e) {
            unavailable = "cannot start '" + python + "': " + e.getMessage();
            return;
        }
        if (r.exitCode == EXIT_NO_CHDB) {
            unavailable = r.stderr.strip();
            return;
        }
        if (r.exitCode != 0) {
            // chdb imports but does not work: that is a failure everywhere, not a reason to skip.
            throw new AssertionError("The chDB harness failed to start (exit " + r.exitCode + "):\n" + r.stderr);
        }
        JsonNode v = parse(r.stdout, "version");
        instance = new Chdb(python, harness, "chdb " + v.path("chdb").asText() + ", ClickHouse " + v.path("clickhouse").asText());
    }

    private static String pythonExecutable() {
        String configured = System.getenv("ORIENTIR_PYTHON");
        return configured == null || configured.isBlank() ? "python3" : configured;
    }

    /** The warehouse module folder: Surefire's {@code basedir}, else the working directory, its warehouse/ or the one beside it. */
    public static Path moduleDir() {
        List<Path> candidates = new ArrayList<>();
        String basedir = System.getProperty("basedir");
        if (basedir != null) {
            candidates.add(Path.of(basedir));
        }
        Path cwd = Path.of(System.getProperty("user.dir"));
        candidates.add(cwd);
        candidates.add(cwd.resolve("warehouse"));
        // another module's tests (dashboards, jobs) run in their own folder, beside warehouse/
        if (cwd.getParent() != null) {
            candidates.add(cwd.getParent().resolve("warehouse"));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("src/test/python/chdb_harness.py"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("Cannot find the warehouse module (src/test/python/chdb_harness.py) from "
                + candidates);
    }

    private static Path harnessScript() {
        return moduleDir().resolve("src/test/python/chdb_harness.py");
    }

    /** A folder on the test class path (e.g. {@code db/migration/clickhouse}), as the file system path chDB reads. */
    public static Path classpathFolder(String resource) {
        URL url = Chdb.class.getClassLoader().getResource(resource);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("Not a folder on the class path: " + resource + " (" + url + ")");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The ClickHouse migrations exactly as Flyway loads them: the engine's folder and the folder both engines share. From
     * the class path when it is a folder (the warehouse module's own tests), else from the warehouse module's sources
     * (another module's tests, which see the warehouse as a jar).
     */
    public static List<Path> clickHouseMigrations() {
        return List.of(migrationFolder("db/migration/clickhouse"), migrationFolder(ru.orientir.warehouse.Migrations.COMMON));
    }

    /** How many migrations Flyway applies to a fresh ClickHouse database: the engine's folder and the shared one. */
    public static long clickHouseMigrationCount() throws IOException {
        long count = 0;
        for (Path folder : clickHouseMigrations()) {
            try (java.util.stream.Stream<Path> files = Files.list(folder)) {
                count += files.filter(p -> p.getFileName().toString().matches("V.+__.+\\.sql")).count();
            }
        }
        return count;
    }

    private static Path migrationFolder(String resource) {
        URL url = Chdb.class.getClassLoader().getResource(resource);
        if (url != null && "file".equals(url.getProtocol())) {
            return classpathFolder(resource);
        }
        return moduleDir().resolve("src/main/resources").resolve(resource);
    }

    private static String joined(List<Path> folders) {
        return String.join(java.io.File.pathSeparator,
                folders.stream().map(p -> p.toAbsolutePath().toString()).toList());
    }

    /** e.g. "chdb 4.4.0, ClickHouse 26.9.2.1". */
    public String version() {
        return version;
    }

    /** Applies the migrations and returns the tables and views of the database, with their columns in order. */
    public Map<String, Relation> schema(List<Path> migrations) {
        JsonNode tables = call(List.of("schema", joined(migrations)), "schema").path("tables");
        Map<String, Relation> schema = new LinkedHashMap<>();
        tables.fields().forEachRemaining(e -> {
            List<Column> columns = new ArrayList<>();
            for (JsonNode c : e.getValue().path("columns")) {
                columns.add(new Column(c.get(0).asText(), c.get(1).asText()));
            }
            schema.put(e.getKey(), new Relation(e.getValue().path("kind").asText(), columns));
        });
        return schema;
    }

    /**
     * Applies the migrations, runs the statements in order, then the queries; returns each query's result by name
     * (in the order given). Any ClickHouse error fails with ClickHouse's message verbatim.
     */
    public Map<String, Result> run(List<Path> migrations, List<String> statements, Map<String, String> queries) {
        ObjectNode spec = JSON.createObjectNode();
        if (migrations != null) {
            spec.put("migrations", joined(migrations));
        }
        ArrayNode s = spec.putArray("statements");
        statements.forEach(s::add);
        ObjectNode q = spec.putObject("queries");
        queries.forEach(q::put);
        Path specFile;
        try {
            specFile = Files.createTempFile("orientir-chdb-spec-", ".json");
            Files.writeString(specFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            JsonNode out = call(List.of("run", specFile.toString()), "run");
            Map<String, Result> results = new LinkedHashMap<>();
            for (String name : queries.keySet()) {
                JsonNode r = out.get(name);
                if (r == null) {
                    throw new AssertionError("The chDB harness returned no result for query '" + name + "'");
                }
                List<Column> columns = new ArrayList<>();
                for (JsonNode c : r.path("columns")) {
                    columns.add(new Column(c.get(0).asText(), c.get(1).asText()));
                }
                List<List<Object>> rows = new ArrayList<>();
                for (JsonNode row : r.path("rows")) {
                    List<Object> values = new ArrayList<>();
                    row.forEach(v -> values.add(value(v)));
                    rows.add(Collections.unmodifiableList(values));
                }
                results.put(name, new Result(List.copyOf(columns), List.copyOf(rows)));
            }
            return results;
        } finally {
            try {
                Files.deleteIfExists(specFile);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(e -> list.add(value(e)));
            return Collections.unmodifiableList(list);
        }
        return v.toString();
    }

    private JsonNode call(List<String> args, String what) {
        List<String> command = new ArrayList<>(List.of(python, harness.toString()));
        command.addAll(args);
        ProcessResult r;
        try {
            r = exec(command);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        }
        if (r.exitCode != 0) {
            // stderr holds ClickHouse's own message, verbatim, and the statement it rejected.
            throw new AssertionError("chDB harness '" + what + "' failed (exit " + r.exitCode + ", " + version + "):\n"
                    + r.stderr.strip());
        }
        return parse(r.stdout, what);
    }

    private static JsonNode parse(String stdout, String what) {
        try {
            return JSON.readTree(stdout);
        } catch (IOException e) {
            throw new AssertionError("chDB harness '" + what + "' printed something that is not JSON: " + e.getMessage()
                    + "\n" + stdout, e);
        }
    }

    private record ProcessResult(int exitCode, String stdout, String stderr) {
    }

    private static ProcessResult exec(List<String> command) throws IOException {
        Path out = Files.createTempFile("orientir-chdb-", ".out");
        Path err = Files.createTempFile("orientir-chdb-", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            pb.environment().put("TZ", "UTC");
            Process p = pb.start();
            boolean done;
            try {
                done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while running " + command, e);
            }
            if (!done) {
                p.destroyForcibly();
                throw new AssertionError("The chDB harness did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new ProcessResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A string literal for ClickHouse SQL (e.g. a file path). */
    public static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String toString() {
        return "Chdb[" + python + ", " + version + "]";
    }
}
