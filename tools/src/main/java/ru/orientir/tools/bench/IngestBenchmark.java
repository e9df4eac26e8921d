package ru.orientir.tools.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;

import ru.orientir.etl.ingest.FileIngestor;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadResult;
import ru.orientir.etl.ingest.batch.BatchInfrastructure;
import ru.orientir.etl.ingest.batch.ChunkObserver;
import ru.orientir.etl.ingest.batch.IngestJobConfiguration;
import ru.orientir.etl.ingest.columns.ColumnAliases;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.clickhouse.ClickHouseWarehouse;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * Student-level results ingest, measured: a generated file of N rows goes through the full ingest (Spring Batch,
 * validation, pseudonymisation, staging, de-duplication) into a fresh DuckDB; then DuckDB's own bulk CSV reader
 * loads the same file, as the yardstick. Prints rows/s for both, their ratio, and peak memory.
 */
public final class IngestBenchmark {
    public record Result(long rows, long fileBytes, double ingestSeconds, double duckdbSeconds, long maxHeapBytes,
                         long peakOldGenBytes, long peakRssKb, LoadResult load, String warehouse, String yardstick) {
        public Result(long rows, long fileBytes, double ingestSeconds, double duckdbSeconds, long maxHeapBytes,
                      long peakOldGenBytes, long peakRssKb, LoadResult load) {
            this(rows, fileBytes, ingestSeconds, duckdbSeconds, maxHeapBytes, peakOldGenBytes, peakRssKb, load, "DuckDB",
                    "DuckDB read_csv того же файла");
        }

        public double ingestRowsPerSecond() {
            return rows / ingestSeconds;
        }

        public double duckdbRowsPerSecond() {
            return rows / duckdbSeconds;
        }

        public String report() {
            return String.format(Locale.ROOT, """
                    файл: %,d строк, %.1f МБ
                    хранилище: %s
                    приём Orientir (Spring Batch, проверка, псевдонимизация, staging): %.1f с, %,.0f строк/с
                    %s: %.1f с, %,.0f строк/с
                    отношение (Orientir / эталон): %.3f
                    куча JVM: максимум (-Xmx) %.0f МБ, пик старого поколения %.0f МБ; пик памяти процесса (VmHWM): %.0f МБ
                    загрузка: прочитано %d, загружено %d, в карантине %d""",
                    rows, fileBytes / 1e6, warehouse, ingestSeconds, ingestRowsPerSecond(), yardstick, duckdbSeconds,
                    duckdbRowsPerSecond(),
                    ingestRowsPerSecond() / duckdbRowsPerSecond(), maxHeapBytes / 1048576.0, peakOldGenBytes / 1048576.0,
                    peakRssKb / 1024.0,
                    load.rowsRead(), load.rowsLoaded(), load.rowsQuarantined());
        }
    }

    private IngestBenchmark() {
    }

    /** The generated inbox (1,000 schools and a results file of the given rows) and the settings that load it. */
    private record Inputs(Path inbox, Path results, IngestSettings settings) {
        static Inputs write(long rows, Path workDir) throws IOException {
            Path inbox = Files.createDirectories(workDir.resolve("inbox"));
            writeSchools(inbox.resolve("schools.csv"));
            Path results = inbox.resolve("results.csv");
            writeResults(results, rows);
            return new Inputs(inbox, results, new IngestSettings(ColumnAliases.builtIn(), null,
                    "benchmark-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The full ingest of the inbox into the warehouse, timed: the load of the results file and its seconds. */
    private record Ingest(LoadResult load, double seconds) {
        static Ingest into(WarehouseSettings target, Path workDir, Inputs inputs) throws Exception {
            long t0 = System.nanoTime();
            try (Warehouse warehouse = Warehouse.open(target);
                 BatchInfrastructure batch = BatchInfrastructure.open("jdbc:h2:file:" + workDir.resolve("jobrepo/batch"), "sa", "")) {
                warehouse.migrate();
                List<LoadResult> loads = new FileIngestor(warehouse, batch,
                        new IngestJobConfiguration(batch, ChunkObserver.NONE, inputs.settings()), "benchmark").ingest(inputs.inbox());
                LoadResult load = loads.stream().filter(l -> l.file().equals("results.csv")).findFirst().orElseThrow();
                return new Ingest(load, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    public static Result run(long rows, Path workDir) throws Exception {
        Inputs inputs = Inputs.write(rows, workDir);
        Ingest ingest = Ingest.into(WarehouseSettings.embedded(workDir.resolve("wh")), workDir, inputs);

        long t1 = System.nanoTime();
        try (Warehouse yardstick = Warehouse.open(WarehouseSettings.embedded(workDir.resolve("yardstick")));
             Connection c = yardstick.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE r AS SELECT * FROM read_csv('" + inputs.results().toAbsolutePath().toString().replace("'", "''")
                    + "', header = true)");
        }
        double duck = (System.nanoTime() - t1) / 1e9;
        return new Result(rows, Files.size(inputs.results()), ingest.seconds(), duck, Runtime.getRuntime().maxMemory(),
                PeakMemory.oldGen(), PeakMemory.rssKb(), ingest.load());
    }

    /**
     * The same measurement on a ClickHouse server, in a throwaway database created on it and dropped afterwards: the
     * full ingest (bulk RowBinary through client-v2), then the yardstick, {@code INSERT … FORMAT CSVWithNames} of the
     * same file through the same server. Through the project's chDB stand-in this is a smoke figure only.
     */
    public static Result runOnClickHouse(long rows, Path workDir, WarehouseSettings server) throws Exception {
        Inputs inputs = Inputs.write(rows, workDir);
        String database = "orientir_bench_" + Long.toHexString(System.nanoTime());
        try (Warehouse admin = Warehouse.open(server); Connection c = admin.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " ENGINE = Atomic");
        }
        WarehouseSettings bench = ClickHouseWarehouse.withDatabase(server, database);
        try {
            Ingest ingest = Ingest.into(bench, workDir, inputs);
            double csv;
            try (ClickHouseWarehouse warehouse = new ClickHouseWarehouse(bench)) {
                try (Connection c = warehouse.connection(); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE yardstick (year Int32, procedure String, grade Int32, subject String, "
                            + "school_id String, participant_id String, mark Nullable(Int32), score Nullable(Float64)) "
                            + "ENGINE = MergeTree ORDER BY tuple()");
                }
                long t1 = System.nanoTime();
                warehouse.insertFile("yardstick", inputs.results(), com.clickhouse.data.ClickHouseFormat.CSVWithNames, Map.of());
                csv = (System.nanoTime() - t1) / 1e9;
            }
            return new Result(rows, Files.size(inputs.results()), ingest.seconds(), csv, Runtime.getRuntime().maxMemory(),
                    PeakMemory.oldGen(), PeakMemory.rssKb(), ingest.load(), "ClickHouse " + server.jdbcUrl().replaceAll("\\?.*$", ""),
                    "INSERT … FORMAT CSVWithNames того же файла через тот же сервер");
        } finally {
            try (Warehouse admin = Warehouse.open(server); Connection c = admin.connection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " SYNC");
            }
        }
    }

    /** Where {@link #run} wrote its generated results file under its working folder. */
    public static Path resultsFile(Path workDir) {
        return workDir.resolve("inbox").resolve("results.csv");
    }

    /**
     * The second anchor: the same rows inserted into a fresh embedded DuckDB through a plain JDBC batch (a prepared
     * INSERT, batches of 1,000, one transaction), split on commas with no validation, no pseudonymisation and no
     * bookkeeping — what a hand-written loader does. Returns the seconds.
     */
    public static double jdbcBatchSeconds(Path results, Path workDir) throws Exception {
        long t0 = System.nanoTime();
        try (Warehouse target = Warehouse.open(WarehouseSettings.embedded(workDir.resolve("jdbc-anchor")));
             Connection c = target.connection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE r (year INTEGER, procedure VARCHAR, grade INTEGER, subject VARCHAR, school_id VARCHAR, "
                        + "participant_id VARCHAR, mark INTEGER, score DOUBLE)");
            }
            c.setAutoCommit(false);
            try (java.io.BufferedReader in = Files.newBufferedReader(results, StandardCharsets.UTF_8);
                 java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO r VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                in.readLine();
                int batched = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] f = line.split(",", -1);
                    ps.setInt(1, Integer.parseInt(f[0]));
                    ps.setString(2, f[1]);
                    ps.setInt(3, Integer.parseInt(f[2]));
                    ps.setString(4, f[3]);
                    ps.setString(5, f[4]);
                    ps.setString(6, f[5]);
                    ps.setInt(7, Integer.parseInt(f[6]));
                    ps.setDouble(8, Double.parseDouble(f[7]));
                    ps.addBatch();
                    if (++batched == 1_000) {
                        ps.executeBatch();
                        batched = 0;
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    public static void writeSchools(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("school_id,name,municipality\n");
            for (int i = 0; i < 1_000; i++) {
                w.write(String.format(Locale.ROOT, "S%04d,Школа %d,Район %d%n", i, i, i % 30));
            }
        }
    }

    /** Realistic rows: ВПР/ОГЭ/ЕГЭ, grades, Russian subjects, 10-digit participant ids, marks and scores. */
    public static void writeResults(Path file, long rows) throws IOException {
        SplittableRandom random = new SplittableRandom(2026);
        String[] subjects = {"русский язык", "математика", "окружающий мир", "история", "биология"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            w.write("year,procedure,grade,subject,school_id,participant_id,mark,score\n");
            for (long i = 0; i < rows; i++) {
                int kind = random.nextInt(10);
                String procedure = kind < 7 ? "ВПР" : kind < 9 ? "ОГЭ" : "ЕГЭ";
                int grade = procedure.equals("ВПР") ? 4 + random.nextInt(5) : procedure.equals("ОГЭ") ? 9 : 11;
                int mark = 2 + random.nextInt(4);
                w.write("2024,");
                w.write(procedure);
                w.write(',');
                w.write(Integer.toString(grade));
                w.write(',');
                w.write(subjects[random.nextInt(subjects.length)]);
                w.write(String.format(Locale.ROOT, ",S%04d,%010d,%d,%d%n", random.nextInt(1_000), 1_000_000_000L + i, mark,
                        procedure.equals("ЕГЭ") ? 20 + random.nextInt(80) : 5 + random.nextInt(25)));
            }
        }
    }

    /** The old generation's peak: what survived collections, i.e. what the load kept alive. */
}
