package ru.orientir.tools.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as a user starts it, in a process of its own: the same Java, class path and JVM options as this
 * benchmark's own process (so {@code bin/jvm.options} and {@code ORIENTIR_JAVA_OPTS} hold), timed from start to exit.
 */
final class AppProcess {
    /** How long one command may take before the benchmark gives up on it. */
    private static final long LIMIT_MINUTES = 30;

    record Outcome(int exitCode, double seconds, String output) {
    }

    private AppProcess() {
    }

    static Outcome run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("ru.orientir.jobs.Main");
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "process", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/orientir " + String.join(" ", args) + " не завершилась за " + LIMIT_MINUTES
                    + " мин; журнал: " + log);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Outcome(p.exitValue(), seconds, Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Like {@link #run}, and a non-zero exit code is an error of the benchmark (never a slow machine). */
    static double seconds(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Outcome o = run(workDir, env, args);
        if (o.exitCode() != 0) {
            throw new IllegalStateException("bin/orientir " + String.join(" ", args) + " завершилась с кодом " + o.exitCode()
                    + ":\n" + o.output());
        }
        return o.seconds();
    }
}
