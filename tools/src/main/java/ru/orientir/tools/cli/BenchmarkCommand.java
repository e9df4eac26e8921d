package ru.orientir.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import ru.orientir.jobs.cli.ConfigOption;
import ru.orientir.tools.bench.AnalyticsBenchmark;
import ru.orientir.tools.bench.IngestBenchmark;
import ru.orientir.warehouse.Engine;
import ru.orientir.warehouse.WarehouseSettings;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Measure:",
                "'ingest' loads a generated student-level results file of --rows rows and compares with DuckDB's own "
                        + "read_csv of the same file; prints rows/s, the ratio and peak memory. With --warehouse clickhouse "
                        + "it loads into a throwaway database on the configured ClickHouse (ORIENTIR_WAREHOUSE_URL) and "
                        + "compares with INSERT ... FORMAT CSVWithNames of the same file through the same server.",
                "'analytics' runs the nightly analytics and the publication on a generated country (--schools schools, "
                        + "--years years, ≈ 700 result rows per school and year) at each of --scales; prints the seconds "
                        + "of every step, the totals, the growth between scales and peak memory. Give the JVM heap "
                        + "through ORIENTIR_JAVA_OPTS (e.g. -Xmx8g for 40,000 schools)."})
public final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: ingest or analytics.")
    String what;

    @Option(names = "--rows", defaultValue = "2000000",
            description = "ingest: rows in the generated file (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--schools", defaultValue = "40000",
            description = "analytics: schools in the whole country (default: ${DEFAULT-VALUE}).")
    int schools;

    @Option(names = "--years", defaultValue = "8", description = "analytics: assessment years (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--scales", defaultValue = "1/16,1/4,1",
            description = "analytics: shares of the country to run, in order (default: ${DEFAULT-VALUE}).")
    String scales;

    @Option(names = "--warehouse", defaultValue = "duckdb",
            description = "ingest: duckdb (a fresh embedded file, default) or clickhouse (the configured server).")
    String warehouse;

    @Option(names = "--dir", description = "Working folder, kept afterwards (default: a new temporary folder, deleted afterwards).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!"ingest".equals(what) && !"analytics".equals(what)) {
            throw new IllegalArgumentException("Неизвестный замер «" + what + "»; доступны: ingest, analytics");
        }
        List<AnalyticsBenchmark.Scale> scaleList = "analytics".equals(what) ? AnalyticsBenchmark.Scale.parseList(scales) : null;
        if ("analytics".equals(what) && (schools < 1 || years < 1)) {
            throw new IllegalArgumentException("--schools и --years должны быть не меньше 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("orientir-bench");
        try {
            if ("ingest".equals(what)) {
                IngestBenchmark.Result r;
                if ("clickhouse".equals(warehouse)) {
                    WarehouseSettings configured = ConfigOption.load().warehouse();
                    if (configured.engine() != Engine.CLICKHOUSE) {
                        throw new IllegalArgumentException("--warehouse clickhouse: задайте ORIENTIR_WAREHOUSE_URL="
                                + "jdbc:clickhouse://хост:8123/база (сейчас " + configured.jdbcUrl() + ")");
                    }
                    r = IngestBenchmark.runOnClickHouse(rows, work, configured);
                } else if ("duckdb".equals(warehouse)) {
                    r = IngestBenchmark.run(rows, work);
                } else {
                    throw new IllegalArgumentException("--warehouse: duckdb или clickhouse, указано «" + warehouse + "»");
                }
                out.println(r.report());
            } else {
                List<AnalyticsBenchmark.Measurement> ms = AnalyticsBenchmark.run(schools, years, scaleList, work, dir != null,
                        line -> {
                            out.println(line);
                            out.flush();
                        });
                out.println();
                out.print(AnalyticsBenchmark.report(ms));
            }
            out.flush();
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
