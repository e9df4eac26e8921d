package ru.orientir.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.spark.sql.SparkSession;

import ru.orientir.etl.analytics.AnalyticsJob;
import ru.orientir.etl.analytics.AnalyticsSettings;
import ru.orientir.etl.analytics.LocalSpark;
import ru.orientir.warehouse.MartFiles;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * The nightly analytics at country scale: for each scale (by default 1/16, 1/4 and the whole of {@code --schools}) a
 * generated snapshot ({@link CountrySnapshot}, timed apart: it stands in for the ingest and snapshot steps), then the
 * analytics job on Spark with each step timed, then the publication of its marts into a fresh embedded DuckDB
 * warehouse. Reports the seconds of every step, the totals, how time grows against rows from scale to scale (linear
 * growth: the two ratios close), peak memory, and whether the whole country fits the 5-minute target. An unmeasured
 * warm-up run on 200 schools comes first, so the first scale does not pay for Spark's start.
 */
public final class AnalyticsBenchmark {
    /** The budget for analytics and publication of the whole country (40,000 schools × 8 years) in a 4 GB heap. */
    public static final Duration TARGET = Duration.ofMinutes(5);
    private static final int WARM_UP_SCHOOLS = 200;

    /** A share of the country: {@code label} as given ("1/16"), {@code fraction} its value. */
    public record Scale(String label, double fraction) {
        /** Parses "1/16,1/4,1" (fractions or decimals, each in (0, 1]). */
        public static List<Scale> parseList(String text) {
            List<Scale> scales = new ArrayList<>();
            for (String part : text.split(",")) {
                String label = part.trim();
                double value;
                try {
                    int slash = label.indexOf('/');
                    value = slash < 0 ? Double.parseDouble(label)
                            : Double.parseDouble(label.substring(0, slash)) / Double.parseDouble(label.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--scales: «" + label + "» — не доля (ожидается, например, 1/16,1/4,1)");
                }
                if (!(value > 0 && value <= 1)) {
                    throw new IllegalArgumentException("--scales: доля «" + label + "» должна быть больше 0 и не больше 1");
                }
                scales.add(new Scale(label, value));
            }
            if (scales.isEmpty()) {
                throw new IllegalArgumentException("--scales: нужна хотя бы одна доля");
            }
            return List.copyOf(scales);
        }

        int schools(int country) {
            return Math.max(1, (int) Math.round(country * fraction));
        }
    }

    /** One scale's figures; step seconds in the order the job reported them. */
    public record Measurement(Scale scale, int schools, int years, long resultRows, double generateSeconds,
                              Map<String, Double> stepSeconds, double analyticsSeconds, double publishSeconds,
                              long martRows, long peakHeapBytes, long peakRssKb) {
        public double totalSeconds() {
            return analyticsSeconds + publishSeconds;
        }
    }

    private AnalyticsBenchmark() {
    }

    /**
     * Runs every scale in order in {@code workDir} ({@code scale-1_16/snapshot}, {@code …/marts}, {@code …/warehouse}),
     * reporting each snapshot, analytics step and finished scale to {@code progress} as it ends. Snapshots are deleted
     * after their scale unless {@code keepFiles}.
     */
    public static List<Measurement> run(int schools, int years, List<Scale> scales, Path workDir, boolean keepFiles,
                                        Consumer<String> progress) throws IOException, SQLException {
        SparkSession spark = LocalSpark.session();
        warmUp(spark, years, workDir.resolve("warm-up"), progress);
        List<Measurement> measurements = new ArrayList<>();
        for (Scale scale : scales) {
            Measurement m = runScale(spark, schools, years, scale, workDir.resolve("scale-" + scale.label().replace('/', '_')),
                    keepFiles, progress);
            measurements.add(m);
            progress.accept(String.format(Locale.ROOT, "масштаб %s: %,d школ, %,d строк результатов — аналитика %.1f с, "
                    + "публикация %.1f с", scale.label(), m.schools(), m.resultRows(), m.analyticsSeconds(), m.publishSeconds()));
        }
        return measurements;
    }

    /**
     * One unmeasured run on a tiny country first: Spark's first queries pay for class loading, JIT and code generation,
     * which would otherwise land on the first scale and bend the growth ratios.
     */
    private static void warmUp(SparkSession spark, int years, Path dir, Consumer<String> progress)
            throws IOException, SQLException {
        long t0 = System.nanoTime();
        deleteTree(dir);
        CountrySnapshot.write(dir.resolve("snapshot"), WARM_UP_SCHOOLS, years, "1GB", 2);
        new AnalyticsJob(spark, AnalyticsSettings.defaults()).run("benchmark-warm-up", dir.resolve("snapshot"),
                dir.resolve("marts"));
        deleteTree(dir);
        progress.accept(String.format(Locale.ROOT, "прогрев (%d школ, не учитывается): %.1f с", WARM_UP_SCHOOLS,
                (System.nanoTime() - t0) / 1e9));
    }

    private static Measurement runScale(SparkSession spark, int country, int years, Scale scale, Path dir,
                                        boolean keepFiles, Consumer<String> progress) throws IOException, SQLException {
        int schools = scale.schools(country);
        Path snapshot = dir.resolve("snapshot");
        Path marts = dir.resolve("marts");
        Path warehouseHome = dir.resolve("warehouse");
        deleteTree(dir);
        Files.createDirectories(dir);

        CountrySnapshot.Written written = CountrySnapshot.write(snapshot, schools, years, "4GB", 2);
        progress.accept(String.format(Locale.ROOT, "масштаб %s: снимок %,d школ × %d лет, %,d строк результатов — %.1f с",
                scale.label(), schools, years, written.resultRows(), written.seconds()));
        System.gc();
        PeakMemory.reset();

        Map<String, Double> steps = new LinkedHashMap<>();
        AnalyticsJob job = new AnalyticsJob(spark, AnalyticsSettings.defaults());
        job.onStep((name, duration) -> {
            steps.merge(name, duration.toNanos() / 1e9, Double::sum);
            progress.accept(String.format(Locale.ROOT, "  %s: %.1f с", name, duration.toNanos() / 1e9));
        });
        String runId = "benchmark-" + scale.label().replace('/', '_');
        long t0 = System.nanoTime();
        List<MartFiles> files = job.run(runId, snapshot, marts);
        double analytics = (System.nanoTime() - t0) / 1e9;

        double publish;
        long martRows = 0;
        try (Warehouse warehouse = Warehouse.open(WarehouseSettings.embedded(warehouseHome))) {
            warehouse.migrate();
            long t1 = System.nanoTime();
            warehouse.publish(runId, files);
            publish = (System.nanoTime() - t1) / 1e9;
            try (var c = warehouse.connection(); var s = c.createStatement()) {
                for (MartFiles mart : files) {
                    try (var r = s.executeQuery("SELECT count(*) FROM " + mart.table())) {
                        r.next();
                        martRows += r.getLong(1);
                    }
                }
            }
        }
        Measurement m = new Measurement(scale, schools, years, written.resultRows(), written.seconds(), steps, analytics,
                publish, martRows, PeakMemory.heap(), PeakMemory.rssKb());
        if (!keepFiles) {
            deleteTree(snapshot);
        }
        return m;
    }

    /** The table of figures: one column per scale, then the growth between neighbouring scales and the verdict. */
    public static String report(List<Measurement> ms) {
        StringBuilder out = new StringBuilder();
        String label = "%-34s";
        String cell = "%14s";
        Set<String> stepNames = new LinkedHashSet<>();
        ms.forEach(m -> stepNames.addAll(m.stepSeconds().keySet()));

        row(out, label, cell, "масштаб", ms, m -> m.scale().label());
        row(out, label, cell, "школ", ms, m -> String.format(Locale.ROOT, "%,d", m.schools()));
        row(out, label, cell, "лет", ms, m -> Integer.toString(m.years()));
        row(out, label, cell, "строк результатов", ms, m -> String.format(Locale.ROOT, "%,d", m.resultRows()));
        row(out, label, cell, "генерация снимка, с (вне замера)", ms, m -> seconds(m.generateSeconds()));
        out.append("аналитика по шагам, с:\n");
        for (String step : stepNames) {
            row(out, label, cell, "  " + step, ms, m -> {
                Double s = m.stepSeconds().get(step);
                return s == null ? "—" : seconds(s);
            });
        }
        row(out, label, cell, "  вне шагов (чтение снимка, кэш)", ms,
                m -> seconds(m.analyticsSeconds() - m.stepSeconds().values().stream().mapToDouble(Double::doubleValue).sum()));
        row(out, label, cell, "аналитика всего, с", ms, m -> seconds(m.analyticsSeconds()));
        row(out, label, cell, "публикация в DuckDB, с", ms, m -> seconds(m.publishSeconds()));
        row(out, label, cell, "аналитика + публикация, с", ms, m -> seconds(m.totalSeconds()));
        row(out, label, cell, "строк витрин", ms, m -> String.format(Locale.ROOT, "%,d", m.martRows()));
        row(out, label, cell, "пик кучи JVM, МБ", ms, m -> String.format(Locale.ROOT, "%,.0f", m.peakHeapBytes() / 1048576.0));
        row(out, label, cell, "пик памяти процесса (VmHWM), МБ", ms,
                m -> m.peakRssKb() < 0 ? "—" : String.format(Locale.ROOT, "%,.0f", m.peakRssKb() / 1024.0));

        if (ms.size() > 1) {
            out.append("рост от масштаба к масштабу (время / строки; линейный рост — отношение около 1):\n");
            for (int i = 1; i < ms.size(); i++) {
                Measurement a = ms.get(i - 1);
                Measurement b = ms.get(i);
                double rows = (double) b.resultRows() / a.resultRows();
                double time = b.totalSeconds() / a.totalSeconds();
                double analytics = b.analyticsSeconds() / a.analyticsSeconds();
                out.append(String.format(Locale.ROOT, "  %s → %s: строк ×%.2f, аналитика ×%.2f, всего ×%.2f, отношение %.2f%n",
                        a.scale().label(), b.scale().label(), rows, analytics, time, time / rows));
            }
        }
        Measurement last = ms.get(ms.size() - 1);
        double budget = TARGET.toSeconds();
        if (last.scale().fraction() == 1.0) {
            out.append(String.format(Locale.ROOT, "цель: вся страна (%,d школ) за %d мин — %.1f мин, %s%n", last.schools(),
                    TARGET.toMinutes(), last.totalSeconds() / 60, last.totalSeconds() <= budget ? "выполнена" : "НЕ выполнена"));
        } else {
            double projected = last.totalSeconds() / last.scale().fraction();
            out.append(String.format(Locale.ROOT, "цель: вся страна за %d мин — вся страна не запускалась; линейная оценка "
                    + "по масштабу %s: %.1f мин%n", TARGET.toMinutes(), last.scale().label(), projected / 60));
        }
        out.append(String.format(Locale.ROOT, "куча JVM: максимум (-Xmx) %,.0f МБ; ядер: %d%n",
                Runtime.getRuntime().maxMemory() / 1048576.0, Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, String cell, String name, List<Measurement> ms,
                            java.util.function.Function<Measurement, String> value) {
        out.append(String.format(Locale.ROOT, label, name));
        for (Measurement m : ms) {
            out.append(String.format(Locale.ROOT, cell, value.apply(m)));
        }
        out.append('\n');
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
