package ru.orientir.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import ru.orientir.jobs.cli.ConfigOption;
import ru.orientir.dashboards.superset.SupersetClient;
import ru.orientir.dashboards.superset.SupersetSettings;
import ru.orientir.tools.bench.AnalyticsBenchmark;
import ru.orientir.tools.bench.BenchmarkSuite;
import ru.orientir.tools.bench.ChartBenchmark;
import ru.orientir.tools.bench.IngestBenchmark;
import ru.orientir.warehouse.Engine;
import ru.orientir.warehouse.WarehouseSettings;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Замерить производительность: всё сразу (all), приём файлов (ingest), аналитику (analytics) или "
                + "графики дашбордов (dashboards).",
                "all — каждую величину рядом с эталоном того же запуска, отношением: приём против read_csv DuckDB и "
                        + "простой пакетной вставки JDBC тех же строк, и по той же скорости — приём года страны "
                        + "(27 млн строк) против цели 3 мин; run на крошечном входе и demo против запуска "
                        + "приложения и целей 10 с и 20 с; аналитику в долях страны из --scales (по умолчанию 1/64,1/16); "
                        + "каждый график дашбордов против /health того же Superset и цели 300 мс, если Superset настроен "
                        + "(SUPERSET_URL, SUPERSET_USERNAME, SUPERSET_PASSWORD; дашборды синхронизированы). Код выхода не "
                        + "0 только при ошибке, никогда из-за медленной машины.",
                "ingest — загрузить сгенерированный файл результатов участников из --rows строк и сравнить с чтением "
                        + "того же файла самим DuckDB (read_csv); печатает строк в секунду, отношение и пик памяти. С "
                        + "--warehouse clickhouse загружает во временную базу настроенного ClickHouse "
                        + "(ORIENTIR_WAREHOUSE_URL) и сравнивает с INSERT … FORMAT CSVWithNames того же файла через тот же сервер.",
                "analytics — выполнить ночную аналитику и публикацию на сгенерированной стране (--schools школ, "
                        + "--years лет, около 700 строк результатов на школу и год) в каждом масштабе из --scales; печатает "
                        + "секунды каждого шага, итоги, рост между масштабами и пик памяти. Память JVM задайте через "
                        + "ORIENTIR_JAVA_OPTS (например, -Xmx8g для 40 000 школ).",
                "dashboards — только графики: каждый через chart-data API настроенного Superset, как их запрашивает "
                        + "дашборд (может ответить кэш) и с force (запрос к хранилищу), против /health и цели 300 мс."})
public final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ЗАМЕР", description = "Что замерить: all, ingest, analytics или dashboards.")
    String what;

    @Option(names = "--rows", defaultValue = "2000000", paramLabel = "ЧИСЛО",
            description = "ingest: строк в сгенерированном файле (по умолчанию ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--schools", defaultValue = "40000", paramLabel = "ЧИСЛО",
            description = "analytics: школ во всей стране (по умолчанию ${DEFAULT-VALUE}).")
    int schools;

    @Option(names = "--years", defaultValue = "8", paramLabel = "ЧИСЛО",
            description = "analytics: лет оценочных процедур (по умолчанию ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--scales", paramLabel = "ДОЛИ",
            description = "analytics, all: доли страны для замеров, по порядку (по умолчанию 1/16,1/4,1 для analytics и "
                    + "1/64,1/16 для all).")
    String scales;

    @Option(names = "--chart-repeats", defaultValue = "10", paramLabel = "ЧИСЛО",
            description = "all, dashboards: замеров каждого графика после прогревочного, с кэшем Superset и без него "
                    + "(по умолчанию ${DEFAULT-VALUE}).")
    int chartRepeats;

    @Option(names = "--warehouse", defaultValue = "duckdb", paramLabel = "duckdb|clickhouse",
            description = "ingest: duckdb (новый встроенный файл, по умолчанию) или clickhouse (настроенный сервер).")
    String warehouse;

    @Option(names = "--dir", paramLabel = "ПАПКА",
            description = "Рабочая папка, остаётся после замера (по умолчанию — новая временная папка, удаляется после замера).")
    Path dir;

    /** The charts alone, on the configured Superset: the dashboards part of {@code all}, without the rest. */
    private int dashboards() {
        Optional<SupersetSettings> configured = ConfigOption.load().superset().settings();
        if (configured.isEmpty()) {
            throw new IllegalArgumentException("benchmark dashboards: Superset не настроен. Задайте SUPERSET_URL, "
                    + "SUPERSET_USERNAME и SUPERSET_PASSWORD, выполните bin/orientir dashboards sync и повторите замер.");
        }
        SupersetSettings s = configured.get();
        ChartBenchmark.Result charts = ChartBenchmark.run(SupersetClient.login(s.url(), s.username(), s.password()),
                chartRepeats);
        PrintWriter out = spec.commandLine().getOut();
        out.print(charts.perChart());
        charts.figures().forEach(f -> out.println(f.line()));
        out.flush();
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("all", "ingest", "analytics", "dashboards").contains(what)) {
            throw new IllegalArgumentException("Неизвестный замер «" + what + "»; доступны: all, ingest, analytics, dashboards");
        }
        if ("dashboards".equals(what)) {
            return dashboards();
        }
        List<AnalyticsBenchmark.Scale> scaleList = "ingest".equals(what) ? null
                : AnalyticsBenchmark.Scale.parseList(scales != null ? scales : "all".equals(what) ? "1/64,1/16" : "1/16,1/4,1");
        if (!"ingest".equals(what) && (schools < 1 || years < 1)) {
            throw new IllegalArgumentException("--schools и --years должны быть не меньше 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("orientir-bench");
        try {
            if ("all".equals(what)) {
                SupersetClient superset = null;
                Optional<SupersetSettings> configured = ConfigOption.load().superset().settings();
                if (configured.isPresent()) {
                    SupersetSettings s = configured.get();
                    superset = SupersetClient.login(s.url(), s.username(), s.password());
                }
                BenchmarkSuite.run(new BenchmarkSuite.Options(rows, schools, years, scaleList, superset, chartRepeats), work, out);
            } else if ("ingest".equals(what)) {
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
