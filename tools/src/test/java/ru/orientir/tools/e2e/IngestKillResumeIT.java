package ru.orientir.tools.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ru.orientir.jobs.e2e.OrientirCli;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.tools.bench.IngestBenchmark;

/**
 * A run killed with SIGKILL in the middle of a large load, then started again, ends with exactly the rows a clean run
 * gives: same staging rows (compared row by row through a hash of every column), same quarantine, same loads.
 */
class IngestKillResumeIT {
    private static final long ROWS = 600_000;

    @TempDir
    Path work;

    @Test
    void aKilledLoadResumesToTheRowsOfACleanRun() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        IngestBenchmark.writeSchools(inbox.resolve("schools.csv"));
        IngestBenchmark.writeResults(inbox.resolve("results.csv"), ROWS);
        // a duplicate of the first row and two bad rows, so the quarantine has something to compare
        String firstRow;
        try (BufferedReader r = Files.newBufferedReader(inbox.resolve("results.csv"), StandardCharsets.UTF_8)) {
            r.readLine();
            firstRow = r.readLine();
        }
        Files.writeString(inbox.resolve("results.csv"),
                firstRow + "\n2024,ВПР,5,математика,S9999,1,3,9\nИтого,,,,,,,\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        Path clean = work.resolve("clean");
        OrientirCli.Result cleanRun = cli(clean).run("run", "--inbox", inbox.toString());
        assertEquals(0, cleanRun.exitCode(), cleanRun.stdout() + cleanRun.stderr());

        Path killed = work.resolve("killed");
        long partialRows = killDuringResultsLoad(killed, inbox);
        assertTrue(partialRows > 0 && partialRows < ROWS, "the kill must land mid-load; rows in staging: " + partialRows);

        OrientirCli.Result resumed = cli(killed).run("run", "--inbox", inbox.toString());
        assertEquals(0, resumed.exitCode(), resumed.stdout() + resumed.stderr());

        Map<String, String> expected = fingerprint(clean);
        Map<String, String> actual = fingerprint(killed);
        assertEquals(expected, actual);
        assertEquals(String.valueOf(ROWS), expected.get("stg_exam_results.count"), expected.toString());
        assertEquals("3", expected.get("meta_quarantine.count"), expected.toString());
    }

    private static OrientirCli cli(Path home) {
        return new OrientirCli(Map.of("ORIENTIR_HOME", home.toString(), "ORIENTIR_PSEUDONYM_KEY", "kill-test-key-of-at-least-thirty-two-bytes"));
    }

    /** Starts a run, waits until the results file is being loaded, kills the JVM with SIGKILL; returns staged rows. */
    private long killDuringResultsLoad(Path home, Path inbox) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("ORIENTIR_ROOT", "..")).toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/orientir").toString(), "run", "--inbox", inbox.toString())
                .directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("ORIENTIR_HOME", home.toString());
        pb.environment().put("ORIENTIR_PSEUDONYM_KEY", "kill-test-key-of-at-least-thirty-two-bytes");
        pb.environment().put("ORIENTIR_LOG_LEVEL", "info");
        Process p = pb.start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.contains("Loading results.csv")) {
                    Thread.sleep(2_500);
                    p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
                    break;
                }
            }
        }
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(137, p.exitValue(), "killed by SIGKILL; output: " + seen);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM stg_exam_results")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Counts and order-independent hashes of every staging and quarantine row, and the load history. */
    private static Map<String, String> fingerprint(Path home) throws Exception {
        Map<String, String> f = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"));
             Statement s = c.createStatement()) {
            for (String table : List.of("stg_schools", "stg_exam_results", "meta_quarantine")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(bit_xor(hash(t)), 0) FROM " + table + " t")) {
                    rs.next();
                    f.put(table + ".count", rs.getString(1));
                    f.put(table + ".hash", rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT file, rows_read, rows_loaded, rows_quarantined FROM meta_load "
                    + "WHERE status = 'loaded' ORDER BY file")) {
                int i = 0;
                while (rs.next()) {
                    f.put("load." + i++, rs.getString(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3) + ":" + rs.getLong(4));
                }
            }
        }
        return f;
    }
}
