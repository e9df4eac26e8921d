package ru.orientir.jobs.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.orientir.etl.analytics.AnalyticsApplication;
import ru.orientir.etl.analytics.AnalyticsFindings;
import ru.orientir.etl.analytics.AnalyticsJob;
import ru.orientir.etl.analytics.LocalSpark;
import ru.orientir.etl.analytics.Storage;
import ru.orientir.jobs.config.SparkConfig;
import ru.orientir.warehouse.MartFiles;
import ru.orientir.warehouse.Snapshot;

/**
 * The snapshot and analytics steps wherever the analytics run (issue 16): on this machine ({@code local[*]}), on a
 * cluster with this process as the driver (client mode), or as an application an operator submits with spark-submit
 * while the step waits. The snapshot and the marts live at the run's location: the run folder by default, or
 * {@code <analytics.storage>/runs/<run id>} on shared storage that every Spark node reads (a shared folder, s3a://,
 * hdfs://).
 *
 * <p>The warehouse writes Parquet to a local path and publishes from local paths (DuckDB's read_parquet, the
 * ClickHouse client's insert), so on remote storage the snapshot is written in the run folder and copied up, and
 * each mart is copied down into the run folder after the analytics; on a shared folder ({@code file:}) both are read
 * and written in place.
 */
final class ClusterAnalytics {
    private static final Logger log = LoggerFactory.getLogger(ClusterAnalytics.class);
    /** The run's analytics settings, beside its snapshot, for a spark-submit'ed application. */
    static final String SETTINGS_FILE = "analytics-settings.json";
    private static final long POLL_MILLIS = 1000;

    private ClusterAnalytics() {
    }

    record Outcome(List<MartFiles> marts, AnalyticsFindings findings) {
    }

    static String snapshotLocation(RunContext run) {
        String shared = run.spark().runLocation(run.runId());
        return shared == null ? Storage.of(run.snapshotDir()) : Storage.resolve(shared, "snapshot");
    }

    static String martsLocation(RunContext run) {
        String shared = run.spark().runLocation(run.runId());
        return shared == null ? Storage.of(run.martsDir()) : Storage.resolve(shared, "marts");
    }

    static Storage storage(RunContext run) {
        return Storage.fromSparkConf(run.spark().conf());
    }

    /** The snapshot at the run's location: written in place on a local or shared folder, copied up elsewhere. */
    static void snapshot(RunContext run) {
        String location = snapshotLocation(run);
        java.util.Optional<Path> local = Storage.localPath(location);
        try {
            if (local.isPresent()) {
                Files.createDirectories(local.get());
                Snapshot.write(run.warehouse(), local.get());
                return;
            }
            Files.createDirectories(run.snapshotDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Папка снимка не создаётся: " + e.getMessage(), e);
        }
        Snapshot.write(run.warehouse(), run.snapshotDir());
        storage(run).copy(Storage.of(run.snapshotDir()), location);
        log.info("Снимок скопирован в {}", location);
    }

    static Outcome analytics(RunContext run, java.util.function.BiConsumer<String, java.time.Duration> onStep) {
        SparkConfig spark = run.spark();
        if (spark.deploy() == SparkConfig.Deploy.SPARK_SUBMIT) {
            return awaitSubmitted(run);
        }
        if (spark.local() && spark.conf().isEmpty()) {
            // as before issue 16: the session honours -Dspark.master and the other -D settings of ORIENTIR_JAVA_OPTS
            AnalyticsJob job = new AnalyticsJob(LocalSpark.session(), run.analytics()).onStep(onStep);
            List<MartFiles> marts = job.run(run.runId(), snapshotLocation(run), martsLocation(run));
            return new Outcome(localMarts(run, marts.stream().map(MartFiles::table).toList()), job.findings());
        }
        if (!spark.local()) {
            checkReachable(spark.master());
        }
        Map<String, String> conf = new LinkedHashMap<>(spark.conf());
        if (!spark.local()) {
            conf.putIfAbsent("spark.jars", String.join(",", executorJars()));
            conf.putIfAbsent("spark.app.name", "orientir-analytics " + run.runId());
        }
        SparkSession session = LocalSpark.session(spark.master(), conf);
        ExecutorWatch watch = spark.local() ? null : ExecutorWatch.start(session, spark.executorWait());
        try {
            AnalyticsJob job = new AnalyticsJob(session, run.analytics()).onStep(onStep);
            List<MartFiles> marts = job.run(run.runId(), snapshotLocation(run), martsLocation(run));
            return new Outcome(localMarts(run, marts.stream().map(MartFiles::table).toList()), job.findings());
        } catch (RuntimeException e) {
            if (spark.local()) {
                throw e;
            }
            String why = watch != null && watch.gaveUp() ? "у приложения не было ни одного исполнителя "
                    + watch.waited().toMinutes() + " мин (воркеры остановлены или потеряны), задания отменены"
                    : RetryingTasklet.describe(e);
            throw new IllegalStateException("Аналитика на кластере Spark " + spark.master() + " не выполнена: "
                    + why + ". Проверьте, что мастер и воркеры запущены и видят друг друга и этот "
                    + "компьютер (веб-интерфейс мастера, журналы воркеров), или исправьте analytics.spark.master в "
                    + "orientir.yml; следующий bin/orientir run продолжит прогон с шага аналитики.", e);
        } finally {
            if (watch != null) {
                watch.stop();
            }
            if (!spark.local()) {
                // frees the cluster's executors now, and a retry gets a new application
                session.stop();
            }
        }
    }

    /**
     * Mode (b): the run's settings are written beside its snapshot, the spark-submit command is logged, and the step
     * waits for the application's result (or failure) under the marts.
     */
    private static Outcome awaitSubmitted(RunContext run) {
        SparkConfig spark = run.spark();
        Storage storage = storage(run);
        String marts = martsLocation(run);
        String settings = Storage.resolve(spark.runLocation(run.runId()), SETTINGS_FILE);
        storage.delete(marts); // no result of an earlier attempt is taken for this one
        storage.writeText(settings, AnalyticsApplication.settingsJson(run.analytics()));
        AnalyticsApplication.Parameters parameters = new AnalyticsApplication.Parameters(run.runId(), snapshotLocation(run),
                marts, settings);
        log.warn("Прогон {} ждёт аналитику: запустите на кластере\n{}", run.runId(), submitCommand(spark, parameters));
        String result = Storage.resolve(marts, AnalyticsApplication.RESULT);
        String failed = Storage.resolve(marts, AnalyticsApplication.FAILED);
        long until = System.nanoTime() + spark.waitFor().toNanos();
        while (true) {
            if (storage.exists(result)) {
                AnalyticsApplication.Result r = AnalyticsApplication.readResult(storage.readText(result));
                if (!run.runId().equals(r.runId())) {
                    throw new IllegalStateException("Итог аналитики в " + marts + " относится к прогону " + r.runId()
                            + ", а не к " + run.runId() + ": запустите spark-submit с параметрами этого прогона.");
                }
                return new Outcome(localMarts(run, r.tables()), r.findings());
            }
            if (storage.exists(failed)) {
                throw new IllegalStateException("Аналитика, запущенная через spark-submit на " + spark.master()
                        + ", завершилась ошибкой: " + storage.readText(failed).strip() + ". Исправьте причину (журнал "
                        + "драйвера spark-submit) и запустите bin/orientir run снова: прогон продолжится с шага аналитики.");
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("Витрины прогона " + run.runId() + " не появились в " + marts + " за "
                        + spark.waitFor() + " (analytics.spark.wait): аналитику не запустили через spark-submit или она не "
                        + "завершилась. Запустите команду из журнала и затем bin/orientir run снова.");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("ожидание аналитики прервано", e);
            }
        }
    }

    /** The exact spark-submit command for this run (the jar's path as built in a checkout). */
    static String submitCommand(SparkConfig spark, AnalyticsApplication.Parameters parameters) {
        List<String> command = new ArrayList<>(List.of("spark-submit", "--master", spark.master(), "--deploy-mode", "client",
                "--class", AnalyticsApplication.MAIN_CLASS));
        spark.conf().forEach((k, v) -> {
            command.add("--conf");
            command.add(k + "=" + v);
        });
        command.add("etl/analytics-app/target/orientir-analytics-app.jar");
        command.addAll(parameters.arguments());
        return String.join(" ", command.stream().map(ClusterAnalytics::quoted).toList());
    }

    private static String quoted(String arg) {
        return arg.matches("[A-Za-z0-9_./:=,@%+\\-\\[\\]*]+") && !arg.contains("*") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    /** Each mart's Parquet files on this machine, for publishing: in place on a local folder, else copied down. */
    private static List<MartFiles> localMarts(RunContext run, List<String> tables) {
        String marts = martsLocation(run);
        Storage storage = storage(run);
        boolean local = Storage.localPath(marts).isPresent();
        List<MartFiles> files = new ArrayList<>();
        for (String table : tables) {
            Path dir = local ? Storage.localPath(Storage.resolve(marts, table)).orElseThrow() : run.martsDir().resolve(table);
            if (!local) {
                storage.copy(Storage.resolve(marts, table), Storage.of(dir));
            }
            try (Stream<Path> parts = Files.list(dir)) {
                files.add(new MartFiles(table, parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted()
                        .toList()));
            } catch (IOException e) {
                throw new UncheckedIOException("Файлы витрины " + table + " не читаются в " + dir + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /**
     * Fails at once, naming the master, when no master of a standalone cluster accepts connections: Spark itself
     * would keep the step waiting a minute before giving up on an unreachable master.
     */
    static void checkReachable(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        List<String> refused = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1).replaceAll("/.*", ""));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 5000);
                return;
            } catch (IOException e) {
                refused.add(hostPort + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalStateException("Кластер Spark недоступен: мастер " + master + " не принимает соединения: "
                + String.join("; ", refused) + ". Запустите мастер и воркеры Spark или исправьте analytics.spark.master в "
                + "orientir.yml; следующий bin/orientir run продолжит прогон с шага аналитики.");
    }

    /**
     * The jars of this class path the executors need beside the Spark distribution: the analytics and the warehouse's
     * snapshot classes, LIBLINEAR, and the s3a connector with its AWS SDK. Sent to the executors as spark.jars.
     */
    static List<String> executorJars() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && containsAny(entry, List.of("ru/orientir/etl/analytics/", "ru/orientir/warehouse/",
                    "de/bwaldvogel/liblinear/", "org/apache/hadoop/fs/s3a/", "software/amazon/", "org/reactivestreams/"))) {
                jars.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
        }
        return jars;
    }

    private static boolean containsAny(String jar, List<String> prefixes) {
        try (JarFile file = new JarFile(jar)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                for (String prefix : prefixes) {
                    if (name.startsWith(prefix)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
