package ru.orientir.jobs.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs bin/orientir as a user would: a separate process, environment variables, stdout and exit code. */
public final class OrientirCli {
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private final Path root;
    private final Map<String, String> env;

    public OrientirCli(Map<String, String> env) {
        String configured = System.getenv("ORIENTIR_ROOT");
        this.root = configured != null ? Path.of(configured) : Path.of("..").toAbsolutePath().normalize();
        if (!Files.isExecutable(root.resolve("bin/orientir"))) {
            throw new IllegalStateException("bin/orientir not found under " + root);
        }
        this.env = env;
    }

    /** The launcher, bin/orientir, for a test that starts and kills the process itself. */
    public Path launcher() {
        return root.resolve("bin/orientir");
    }

    public Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/orientir").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("orientir-out", ".txt");
        Path err = Files.createTempFile("orientir-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("bin/orientir " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
