package ru.orientir.dashboards.superset;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway Apache Superset for tests: started by {@code src/test/superset/start-superset.sh} on 127.0.0.1 and a
 * free port, with a SQLite metadata database in a temporary folder; stopped by the pid the script recorded.
 * The virtualenv is {@code ORIENTIR_SUPERSET_VENV} or {@code ~/.cache/orientir/superset-venv} (what .ci/run makes).
 */
public final class SupersetServer implements AutoCloseable {
    public static final String ADMIN = "admin";

    private final Path home;
    private final URI url;
    private final String adminPassword;

    private SupersetServer(Path home, URI url, String adminPassword) {
        this.home = home;
        this.url = url;
        this.adminPassword = adminPassword;
    }

    /** The virtualenv holding Superset, or why there is none. */
    public static Optional<Path> venv() {
        String configured = System.getenv("ORIENTIR_SUPERSET_VENV");
        Path venv = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "orientir", "superset-venv");
        return Files.isExecutable(venv.resolve("bin/superset")) ? Optional.of(venv) : Optional.empty();
    }

    public static Path script() {
        String root = System.getenv("ORIENTIR_ROOT");
        Path base = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
        return base.resolve("dashboards/src/test/superset/start-superset.sh");
    }

    /**
     * A Superset already running for a developer's quick loop ({@code ORIENTIR_TEST_SUPERSET_URL} and
     * {@code ORIENTIR_TEST_SUPERSET_PASSWORD} for its admin), else a fresh one.
     */
    public static SupersetServer startOrReuse(Path venv) throws IOException, InterruptedException {
        String url = System.getenv("ORIENTIR_TEST_SUPERSET_URL");
        if (url != null) {
            return new SupersetServer(Files.createTempDirectory("orientir-superset"), URI.create(url),
                    System.getenv("ORIENTIR_TEST_SUPERSET_PASSWORD"));
        }
        return start(venv);
    }

    public static SupersetServer start(Path venv) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("orientir-superset");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String password = "pw-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        Process p = new ProcessBuilder(script().toString(), venv.toString(), home.toString(), String.valueOf(port), password)
                .redirectErrorStream(true).redirectOutput(home.resolve("start.log").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("Superset did not start: " + Files.readString(home.resolve("start.log")));
        }
        return new SupersetServer(home, URI.create("http://127.0.0.1:" + port), password);
    }

    public URI url() {
        return url;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() throws IOException {
        Path pid = home.resolve("pid");
        if (Files.exists(pid)) {
            long id = Long.parseLong(Files.readString(pid, StandardCharsets.UTF_8).strip());
            ProcessHandle.of(id).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroy);
                h.destroy();
                try {
                    h.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            });
        }
    }
}
