package ru.orientir.tools.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ru.orientir.jobs.e2e.OrientirCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.tools.generate.RegionGenerator;

/**
 * kill -9 in the middle of a run: {@code bin/orientir run} is killed while its analytics step runs; the next
 * {@code bin/orientir run} finds the dead run in the job repository, resumes it under its run id from the analytics
 * step (ingest is not repeated), and ends with exactly the marts, loads and quarantine of a run never interrupted.
 *
 * <p>The two runs also take Spark's two ways of executing the same plans (ExecutionMode): the clean run interprets
 * them, as a small region's run does, and the killed and resumed runs compile them, as a large region's does. Every
 * published mart must come out the same, value by value.
 */
class KilledRunResumesIT {
    // the generated region has student-level results, whose participant codes are pseudonymised with this key
    private static final String KEY = "killed-run-test-key-of-at-least-thirty-two-bytes";
    private static final String INTERPRETED_BELOW = ru.orientir.etl.analytics.ExecutionMode.BOUNDARY_PROPERTY;
    private static final String COMPILED = "-D" + INTERPRETED_BELOW + "=0";
    @TempDir
    Path dir;

    @Test
    void aRunKilledDuringAnalyticsResumesToTheResultOfACleanRun() throws Exception {
        Path inbox = dir.resolve("inbox");
        new RegionGenerator(7).generate(150, 4, 2025, inbox);

        OrientirCli clean = new OrientirCli(Map.of("ORIENTIR_HOME", dir.resolve("clean").toString(), "ORIENTIR_PSEUDONYM_KEY", KEY,
                "ORIENTIR_JAVA_OPTS", "-D" + INTERPRETED_BELOW + "=" + Long.MAX_VALUE));
        OrientirCli.Result reference = clean.run("run", "--inbox", inbox.toString());
        assertEquals(0, reference.exitCode(), reference.stdout() + reference.stderr());

        Path home = dir.resolve("killed");
        OrientirCli cli = new OrientirCli(Map.of("ORIENTIR_HOME", home.toString(), "ORIENTIR_PSEUDONYM_KEY", KEY,
                "ORIENTIR_JAVA_OPTS", COMPILED));
        Path log = dir.resolve("killed.log");
        Process run = start(home, log, "run", "--inbox", inbox.toString());
        long until = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(4);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("step analytics started")) {
            assertTrue(run.isAlive(), "the run ended before its analytics step:\n" + Files.readString(log));
            assertTrue(System.currentTimeMillis() < until, "no analytics step in 4 minutes:\n" + Files.readString(log));
            Thread.sleep(100);
        }
        run.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up, the job repository still says "started"
        assertTrue(run.waitFor(1, TimeUnit.MINUTES));
        assertEquals(137, run.exitValue());

        OrientirCli.Result resumed = cli.run("run", "--inbox", inbox.toString());
        assertEquals(0, resumed.exitCode(), resumed.stdout() + resumed.stderr());
        assertTrue(resumed.stderr().contains("was interrupted (its process died); resuming it from step analytics"), resumed.stderr());
        assertEquals(stdoutRowLine(reference.stdout()), stdoutRowLine(resumed.stdout()));

        for (String mart : List.of("list_transitions", "school_status", "list_membership", "markers", "list_agreement",
                "objectivity", "isb", "resilience", "risk_profile", "unrecognised_subjects", "early_warning",
                "early_warning_backtest", "early_warning_calibration", "measure_effects", "quarantine")) {
            assertEquals(clean.run("export", mart, "--format", "csv").stdout(), cli.run("export", mart, "--format", "csv").stdout(), mart);
        }
        // Same loads (load ids come from file name and content), each file loaded once: no row twice in staging.
        assertEquals(sortedLines(clean.run("export", "loads", "--format", "csv").stdout()),
                sortedLines(cli.run("export", "loads", "--format", "csv").stdout()));

        OrientirCli.Result status = cli.run("status");
        assertEquals(0, status.exitCode(), status.stderr());
        assertEquals(1, status.stdout().lines().filter(l -> l.trim().startsWith("run-")).count(), status.stdout());
        assertTrue(status.stdout().contains("возобновлён с шага «аналитика» (стартов: 2)"), status.stdout());
    }

    private static Process start(Path home, Path log, String... args) throws Exception {
        String configured = System.getenv("ORIENTIR_ROOT");
        Path root = configured != null ? Path.of(configured) : Path.of("..").toAbsolutePath().normalize();
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("bin/orientir").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("ORIENTIR_HOME", home.toString());
        pb.environment().put("ORIENTIR_LOG_LEVEL", "info");
        pb.environment().put("ORIENTIR_PSEUDONYM_KEY", KEY);
        pb.environment().put("ORIENTIR_JAVA_OPTS", COMPILED);
        return pb.start();
    }

    private static String stdoutRowLine(String stdout) {
        return stdout.lines().filter(l -> l.startsWith("Строк прочитано")).findFirst().orElse("(none) " + stdout);
    }

    private static List<String> sortedLines(String text) {
        return Arrays.stream(text.split("\n")).sorted().toList();
    }
}
