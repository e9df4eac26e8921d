package ru.orientir.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import ru.orientir.jobs.cli.ConfigOption;
import ru.orientir.jobs.cli.ExitCodes;
import ru.orientir.jobs.cli.RunSummary;
import ru.orientir.jobs.config.OrientirConfig;
import ru.orientir.jobs.export.MartExporter;
import ru.orientir.tools.generate.GeneratorOptions;
import ru.orientir.tools.generate.RegionGenerator;
import ru.orientir.jobs.pipeline.Pipeline;
import ru.orientir.jobs.pipeline.RunReport;
import ru.orientir.warehouse.SqlResource;
import ru.orientir.warehouse.Warehouse;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a synthetic region and run the whole pipeline on the embedded warehouse "
                + "(a fresh one under ORIENTIR_HOME/demo); print a summary and where the outputs are.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--schools", defaultValue = "300", description = "Schools in the synthetic region (default: ${DEFAULT-VALUE}).")
    int schools;

    @Option(names = "--years", defaultValue = "5", description = "List years (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        OrientirConfig base = ConfigOption.load();
        Path home = base.home().resolve("demo");
        deleteRecursively(home);
        Path inbox = home.resolve("inbox");
        // School-level results keep the demo quick and need no pseudonymisation key; the student-level path is
        // exercised by the tests and by `bin/orientir generate` + `run`.
        new RegionGenerator(seed).generate(schools, years, 2025, inbox,
                new GeneratorOptions(GeneratorOptions.Format.CSV, GeneratorOptions.Results.AGGREGATE));
        // The demo wrote these files itself and closed them: a «.done» marker beside each says they are complete, so
        // the run takes them at once instead of waiting for them to settle (ingest.settle-seconds).
        try (var files = Files.list(inbox)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.createFile(f.resolveSibling(f.getFileName() + ".done"));
            }
        }
        out.printf("Демонстрация: синтетический регион (%d школ, %d лет списков; школы, официальные списки, "
                + "результаты по школам, контекст, кадры, рисковые профили и перечень ФИОКО) → %s%n", schools, years, inbox);
        OrientirConfig demo = base.embeddedAt(home);
        RunReport report = new Pipeline(demo).run(inbox);
        RunSummary.print(report, out);
        if (report.status() == RunReport.Status.FAILED) {
            return ExitCodes.FAILED;
        }
        Path exports = home.resolve("exports");
        Files.createDirectories(exports);
        try (Warehouse warehouse = Warehouse.open(demo.warehouse())) {
            printYears(warehouse, out);
            printAnalytics(warehouse, out);
            MartExporter exporter = new MartExporter(warehouse);
            for (String mart : List.of("list_transitions", "school_status", "list_membership", "markers", "list_agreement",
                    "objectivity", "isb", "resilience", "risk_profile")) {
                try (Writer w = Files.newBufferedWriter(exports.resolve(mart + ".csv"), StandardCharsets.UTF_8)) {
                    exporter.exportCsv(mart, w);
                }
            }
        }
        out.println();
        out.println("Где результаты:");
        out.println("  хранилище (DuckDB):     " + demo.warehouse().jdbcUrl().substring("jdbc:duckdb:".length()));
        out.println("  витрины (CSV):          " + exports);
        out.println("  витрины (Parquet):      " + home.resolve("runs").resolve(report.runId()).resolve("marts"));
        out.println("  входные файлы:          " + inbox);
        out.printf("Повторить на своих данных: bin/orientir run --inbox ПАПКА; выгрузка: bin/orientir export list_transitions --format csv "
                + "(и markers, list_membership, isb, resilience, risk_profile …)%n");
        out.flush();
        return ExitCodes.of(report);
    }

    private static void printYears(Warehouse warehouse, PrintWriter out) throws Exception {
        out.println();
        out.println("Список ШНОР по годам (регион):");
        out.println("  год   школ  в списке  доля    вошли (впервые/повторно)  остались  вышли");
        try (Connection c = warehouse.connection();
             PreparedStatement ps = c.prepareStatement("SELECT list_year, schools, on_list, share_on_list, entered, first_time, "
                     + "\"returning\", stayed, \"left\" FROM list_transitions WHERE level = 'region' ORDER BY list_year");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                boolean history = rs.getObject(5) != null;
                out.printf("  %d  %5d  %8d  %5.1f%%  %s%n", rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4) * 100,
                        history ? String.format("%5d (%d/%d)%17d%10d", rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9))
                                : "   — первый год данных, переходов нет");
            }
        }
    }

    private static void printAnalytics(Warehouse warehouse, PrintWriter out) throws Exception {
        out.println();
        out.println("Аналитика (docs/methodology.md §1–8):");
        try (Connection c = warehouse.connection();
             PreparedStatement ps = c.prepareStatement(SqlResource.load("ru/orientir/tools/cli/demo-summary.sql"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.printf("  %-48s %d%n", rs.getString(2), rs.getLong(3));
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
