package ru.orientir.tools.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ru.orientir.dashboards.superset.SupersetClient;

/**
 * {@code bin/orientir benchmark all}: every figure of the performance issue, each beside an anchor measured in the
 * same run, as a ratio — ingest against DuckDB's own {@code read_csv} and a plain JDBC batch insert of the same rows;
 * a tiny run and the demo against the application's start-up and their targets; the analytics at the scales asked;
 * every chart against Superset's {@code /health} and the 300 ms target when a Superset is configured. It fails only on
 * an error; a figure that misses its goal is reported as such, never as a failure: a busy or slow machine moves the
 * figures, not the exit code.
 */
public final class BenchmarkSuite {
    /** The ratio goals of the performance issue. */
    public static final double INGEST_VS_READ_CSV = 0.5;
    public static final double INGEST_VS_JDBC_BATCH = 10;
    /** The country analytics' target: 5 minutes, with -Xmx4g. */
    public static final double COUNTRY_TARGET_SECONDS = 300;
    /** One national year of student results, and the target for its ingest: under 3 minutes. */
    public static final long NATIONAL_YEAR_ROWS = 27_000_000;
    public static final double NATIONAL_YEAR_TARGET_SECONDS = 180;

    /**
     * @param superset the Superset to measure the charts on, or null to skip that part (said so in the report)
     */
    public record Options(long ingestRows, int countrySchools, int years, List<AnalyticsBenchmark.Scale> scales,
                          SupersetClient superset, int chartRepeats) {
    }

    private BenchmarkSuite() {
    }

    public static List<Figure> run(Options options, Path work, PrintWriter out) throws Exception {
        List<Figure> figures = new ArrayList<>();

        section(out, "Приём: " + String.format(Locale.ROOT, "%,d", options.ingestRows()) + " строк результатов участников");
        Path ingestDir = Files.createDirectories(work.resolve("ingest"));
        IngestBenchmark.Result ingest = IngestBenchmark.run(options.ingestRows(), ingestDir);
        out.println(ingest.report());
        double jdbc = IngestBenchmark.jdbcBatchSeconds(IngestBenchmark.resultsFile(ingestDir), ingestDir);
        figures.add(new Figure("приём Orientir", ingest.ingestRowsPerSecond(), "строк/с", "DuckDB read_csv того же файла",
                ingest.duckdbRowsPerSecond(), true, INGEST_VS_READ_CSV));
        figures.add(new Figure("приём Orientir", ingest.ingestRowsPerSecond(), "строк/с",
                "простая пакетная вставка JDBC тех же строк", options.ingestRows() / jdbc, true, INGEST_VS_JDBC_BATCH));
        // a national year is about 27 M rows: ingest is linear in rows with flat memory, so it is projected from the
        // rate just measured, and labelled as a projection
        figures.add(new Figure(String.format(Locale.ROOT, "приём года страны (≈ %,d строк, расчёт по скорости выше)",
                NATIONAL_YEAR_ROWS), NATIONAL_YEAR_ROWS / ingest.ingestRowsPerSecond(), "с", "цель",
                NATIONAL_YEAR_TARGET_SECONDS, false, 1.0));
        printLast(out, figures, 3);

        section(out, "Запуск: run на крошечном входе и demo, каждый отдельным процессом");
        List<Figure> startup = StartupBenchmarks.figures(Files.createDirectories(work.resolve("startup")));
        figures.addAll(startup);
        printLast(out, figures, startup.size());

        section(out, "Аналитика и публикация страны (" + options.countrySchools() + " школ × " + options.years()
                + " лет), доли: " + options.scales().stream().map(AnalyticsBenchmark.Scale::label).toList());
        List<AnalyticsBenchmark.Measurement> ms = AnalyticsBenchmark.run(options.countrySchools(), options.years(),
                options.scales(), Files.createDirectories(work.resolve("analytics")), false, line -> {
                    out.println(line);
                    out.flush();
                });
        out.print(AnalyticsBenchmark.report(ms));
        AnalyticsBenchmark.Measurement last = ms.get(ms.size() - 1);
        if (last.scale().fraction() == 1.0) {
            figures.add(new Figure("аналитика и публикация всей страны", last.totalSeconds(), "с", "цель (с -Xmx4g)",
                    COUNTRY_TARGET_SECONDS, false, 1.0));
            printLast(out, figures, 1);
        } else {
            out.println("Цель «вся страна за 5 минут с -Xmx4g» проверяется только с долей 1 (--scales …,1; нужна память "
                    + "и около 10 минут).");
        }

        section(out, "Дашборды: каждый график через chart-data API Superset");
        if (options.superset() == null) {
            out.println("Superset не настроен (SUPERSET_URL, SUPERSET_USERNAME, SUPERSET_PASSWORD): замер дашбордов пропущен. "
                    + "Выполните bin/orientir dashboards sync с этими переменными и повторите benchmark all.");
        } else {
            ChartBenchmark.Result charts = ChartBenchmark.run(options.superset(), options.chartRepeats());
            out.print(charts.perChart());
            figures.addAll(charts.figures());
            printLast(out, figures, charts.figures().size());
        }

        section(out, "Итог: каждая величина рядом с эталоном того же запуска");
        for (Figure f : figures) {
            out.println(f.line());
        }
        out.flush();
        return figures;
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    private static void printLast(PrintWriter out, List<Figure> figures, int n) {
        for (Figure f : figures.subList(figures.size() - n, figures.size())) {
            out.println(f.line());
        }
        out.flush();
    }
}
