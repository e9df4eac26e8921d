package ru.orientir.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import ru.orientir.jobs.bench.IngestBenchmark;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measure: 'ingest' loads a generated student-level results file of --rows rows and compares with "
                + "DuckDB's own read_csv of the same file; prints rows/s, the ratio and peak memory.")
public final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: ingest.")
    String what;

    @Option(names = "--rows", defaultValue = "2000000", description = "Rows in the generated file (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--dir", description = "Working folder (default: a new temporary folder, deleted afterwards).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!"ingest".equals(what)) {
            throw new IllegalArgumentException("Неизвестный замер «" + what + "»; доступен: ingest");
        }
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("orientir-bench");
        try {
            IngestBenchmark.Result r = IngestBenchmark.run(rows, work);
            spec.commandLine().getOut().println(r.report());
            spec.commandLine().getOut().flush();
        } finally {
            if (dir == null) {
                try (var paths = Files.walk(work)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return 0;
    }
}
