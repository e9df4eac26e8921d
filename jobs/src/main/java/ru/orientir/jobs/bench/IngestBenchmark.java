package ru.orientir.jobs.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
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
import ru.orientir.warehouse.WarehouseSettings;

/**
 * Student-level results ingest, measured: a generated file of N rows goes through the full ingest (Spring Batch,
 * validation, pseudonymisation, staging, de-duplication) into a fresh DuckDB; then DuckDB's own bulk CSV reader
 * loads the same file, as the yardstick. Prints rows/s for both, their ratio, and peak memory.
 */
public final class IngestBenchmark {
    public record Result(long rows, long fileBytes, double ingestSeconds, double duckdbSeconds, long maxHeapBytes,
                         long peakOldGenBytes, long peakRssKb, LoadResult load) {
        public double ingestRowsPerSecond() {
            return rows / ingestSeconds;
        }

        public double duckdbRowsPerSecond() {
            return rows / duckdbSeconds;
        }

        public String report() {
            return String.format(Locale.ROOT, """
                    файл: %,d строк, %.1f МБ
                    приём Orientir (Spring Batch, проверка, псевдонимизация, staging): %.1f с, %,.0f строк/с
                    DuckDB read_csv того же файла:                                    %.1f с, %,.0f строк/с
                    отношение (Orientir / DuckDB): %.3f
                    куча JVM: максимум (-Xmx) %.0f МБ, пик старого поколения %.0f МБ; пик памяти процесса (VmHWM): %.0f МБ
                    загрузка: прочитано %d, загружено %d, в карантине %d""",
                    rows, fileBytes / 1e6, ingestSeconds, ingestRowsPerSecond(), duckdbSeconds, duckdbRowsPerSecond(),
                    ingestRowsPerSecond() / duckdbRowsPerSecond(), maxHeapBytes / 1048576.0, peakOldGenBytes / 1048576.0,
                    peakRssKb / 1024.0,
                    load.rowsRead(), load.rowsLoaded(), load.rowsQuarantined());
        }
    }

    private IngestBenchmark() {
    }

    public static Result run(long rows, Path workDir) throws Exception {
        Path inbox = Files.createDirectories(workDir.resolve("inbox"));
        writeSchools(inbox.resolve("schools.csv"));
        Path results = inbox.resolve("results.csv");
        writeResults(results, rows);
        IngestSettings settings = new IngestSettings(ColumnAliases.builtIn(), null,
                "benchmark-key".getBytes(StandardCharsets.UTF_8));

        long t0 = System.nanoTime();
        LoadResult load;
        try (Warehouse warehouse = Warehouse.open(WarehouseSettings.embedded(workDir.resolve("wh")));
             BatchInfrastructure batch = BatchInfrastructure.open("jdbc:h2:file:" + workDir.resolve("jobrepo/batch"), "sa", "")) {
            warehouse.migrate();
            List<LoadResult> loads = new FileIngestor(warehouse, batch,
                    new IngestJobConfiguration(batch, ChunkObserver.NONE, settings), "benchmark").ingest(inbox);
            load = loads.stream().filter(l -> l.file().equals("results.csv")).findFirst().orElseThrow();
        }
        double ingest = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        try (Warehouse yardstick = Warehouse.open(WarehouseSettings.embedded(workDir.resolve("yardstick")));
             Connection c = yardstick.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE r AS SELECT * FROM read_csv('" + results.toAbsolutePath().toString().replace("'", "''")
                    + "', header = true)");
        }
        double duck = (System.nanoTime() - t1) / 1e9;
        return new Result(rows, Files.size(results), ingest, duck, Runtime.getRuntime().maxMemory(), PeakMemory.oldGen(),
                PeakMemory.rssKb(), load);
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
