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
import ru.orientir.warehouse.marts.MartDescriptor;
import ru.orientir.warehouse.marts.Marts;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Создать синтетический регион и выполнить на нём весь конвейер во встроенном хранилище (новом, "
                + "в ORIENTIR_HOME/demo; прежняя демонстрация удаляется); напечатать итоги, где лежат результаты, и "
                + "команды, которые их покажут.",
                "Пока своё хранилище не настроено (warehouse.url) и bin/orientir run ещё не выполнялся, команды чтения "
                        + "(export, status, report, dashboards) показывают данные демонстрации; run и schedule в "
                        + "хранилище демонстрации не пишут."})
public final class DemoCommand implements Callable<Integer> {
    /** How a command to type is shown: the prompt, then the command. */
    static final String PROMPT = "  $ ";

    @Spec
    CommandSpec spec;

    @Option(names = "--schools", defaultValue = "300", paramLabel = "ЧИСЛО",
            description = "Школ в синтетическом регионе (по умолчанию ${DEFAULT-VALUE}).")
    int schools;

    @Option(names = "--years", defaultValue = "5", paramLabel = "ЧИСЛО", description = "Лет списков (по умолчанию ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "ЧИСЛО", description = "Зерно случайных чисел (по умолчанию ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        OrientirConfig base = ConfigOption.load();
        Path home = ConfigOption.demoHome(base);
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
        RunReport report = new Pipeline(demo).run(inbox, "demo");
        RunSummary.print(report, out);
        if (report.status() == RunReport.Status.FAILED) {
            return ExitCodes.FAILED;
        }
        Path exports = home.resolve("exports");
        Files.createDirectories(exports);
        ReportExample example;
        try (Warehouse warehouse = Warehouse.open(demo.warehouse())) {
            printYears(warehouse, out);
            printAnalytics(warehouse, out);
            printEarlyWarning(warehouse, out);
            MartExporter exporter = new MartExporter(warehouse);
            for (MartDescriptor mart : Marts.marts()) {
                try (Writer w = Files.newBufferedWriter(exports.resolve(mart.name() + ".csv"), StandardCharsets.UTF_8)) {
                    exporter.exportCsv(mart.name(), w);
                }
            }
            example = reportExample(warehouse);
        }
        out.println();
        out.println("Где результаты:");
        out.println("  хранилище (DuckDB):     " + demo.warehouse().jdbcUrl().substring("jdbc:duckdb:".length()));
        out.println("  витрины (CSV):          " + exports);
        out.println("  витрины (Parquet):      " + home.resolve("runs").resolve(report.runId()).resolve("marts"));
        out.println("  входные файлы:          " + inbox);
        printNextSteps(base, demo, example, out);
        out.flush();
        return ExitCodes.of(report);
    }

    /**
     * The commands to type next, each exactly as it works: plain when the reading commands show the demo by
     * themselves ({@link ConfigOption#showsDemo}), else with the demo's warehouse named in ORIENTIR_WAREHOUSE_URL
     * (the user has a warehouse of their own, which a plain command would show instead). Every line starting with
     * {@value #PROMPT} is a command; DemoHintsIT runs each one.
     */
    private static void printNextSteps(OrientirConfig base, OrientirConfig demo, ReportExample example, PrintWriter out) {
        boolean plain = ConfigOption.showsDemo(base);
        String prefix = plain ? "" : "ORIENTIR_WAREHOUSE_URL=" + shellWord(demo.warehouse().jdbcUrl()) + " ";
        Path home = ConfigOption.demoHome(base);
        out.println();
        out.println(plain
                ? "Что дальше — эти команды покажут данные демонстрации, пока вы не настроите своё хранилище или не выполните run:"
                : "Что дальше — у вас уже есть своё хранилище, поэтому команды называют хранилище демонстрации явно:");
        out.println(PROMPT + prefix + "bin/orientir status");
        out.println(PROMPT + prefix + "bin/orientir export list_transitions --format csv");
        if (example != null) {
            out.println(PROMPT + prefix + "bin/orientir report --municipality " + shellWord(example.municipality())
                    + " --list-year " + example.listYear() + " --out " + shellWord(home.resolve("справка.docx").toString())
                    + " --plan " + shellWord(home.resolve("план.xlsx").toString()));
        }
        out.println(PROMPT + prefix + "bin/orientir dashboards bundle --out " + shellWord(home.resolve("dashboards.zip").toString()));
        out.println("Другие витрины для export: " + String.join(", ", Marts.names()) + " (описания: bin/orientir export --help).");
        out.println("Свои данные: положите файлы CSV или XLSX в папку и выполните bin/orientir run --inbox с этой папкой.");
    }

    /** What the suggested {@code report} is about. */
    private record ReportExample(String municipality, int listYear) {
    }

    /** The municipality with most schools on the latest list, and that year: a brief with something in it. */
    private static ReportExample reportExample(Warehouse warehouse) throws Exception {
        try (Connection c = warehouse.connection();
             PreparedStatement ps = c.prepareStatement("SELECT municipality, list_year FROM school_status "
                     + "WHERE list_year = (SELECT max(list_year) FROM school_status) AND municipality IS NOT NULL "
                     + "GROUP BY municipality, list_year "
                     + "ORDER BY sum(CASE WHEN on_list THEN 1 ELSE 0 END) DESC, municipality LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new ReportExample(rs.getString(1), rs.getInt(2)) : null;
        }
    }

    /** A word the shell takes as it is: quoted unless it is plain letters, digits and path characters. */
    static String shellWord(String word) {
        return word.matches("[\\p{L}\\p{N}_./:=+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
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

    /**
     * The early warning's backtest in two lines (docs/methodology.md §9): per checked list year, the share of the
     * schools that entered found among the k riskiest by the model, and by the rule of cluster 4; then what is
     * recommended. Years the model could not be checked on are left out; with none, the reason is printed.
     */
    private static void printEarlyWarning(Warehouse warehouse, PrintWriter out) throws Exception {
        out.println();
        out.println("Раннее предупреждение (docs/methodology.md §9): доля вошедших в список среди k школ с наибольшим риском");
        StringBuilder model = new StringBuilder("  модель             ");
        StringBuilder rule = new StringBuilder("  правило зоны риска ");
        String lacking = null;
        int checked = 0;
        try (Connection c = warehouse.connection();
             PreparedStatement ps = c.prepareStatement("SELECT list_year, k, recall_at_k, auc, baseline_recall_at_k, note "
                     + "FROM early_warning_backtest ORDER BY list_year");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getObject(3) == null) {
                    lacking = rs.getString(6);
                    continue;
                }
                // AUC is empty for a year in which every school checked entered: nothing to rank against
                String auc = rs.getObject(4) == null ? "—"
                        : String.format(java.util.Locale.ROOT, "%.2f", rs.getDouble(4)).replace('.', ',');
                String year = String.format(java.util.Locale.ROOT, "  %d: %3.0f %% (k = %d, AUC %s)", rs.getInt(1),
                        rs.getDouble(3) * 100, rs.getInt(2), auc);
                model.append(year);
                rule.append(String.format(java.util.Locale.ROOT, "  %d: %3.0f %%", rs.getInt(1), rs.getDouble(5) * 100))
                        .append(" ".repeat(year.length() - 12));
                checked++;
            }
        }
        if (checked == 0) {
            out.println("  прогноза нет: " + (lacking == null ? "нет ни одного года списка" : lacking));
            return;
        }
        out.println(model.toString().stripTrailing());
        out.println(rule.toString().stripTrailing());
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
