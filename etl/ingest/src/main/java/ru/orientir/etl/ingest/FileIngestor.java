package ru.orientir.etl.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.step.StepExecution;

import ru.orientir.etl.ingest.batch.BatchInfrastructure;
import ru.orientir.etl.ingest.batch.IngestJobConfiguration;
import ru.orientir.etl.ingest.columns.ColumnAliases;
import ru.orientir.etl.ingest.source.SourceItemReader;
import ru.orientir.etl.ingest.inbox.InboxScanner;
import ru.orientir.etl.ingest.source.RecordSource;
import ru.orientir.etl.ingest.source.RecordSources;
import ru.orientir.etl.ingest.source.UnreadableFileException;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseException;

/**
 * Loads the files of an inbox into staging: unchanged files are skipped, each file's kind comes from its header, the
 * school reference loads before the lists that refer to it, and every row read is either loaded or quarantined.
 */
public final class FileIngestor {
    private static final Logger log = LoggerFactory.getLogger(FileIngestor.class);

    private final Warehouse warehouse;
    private final BatchInfrastructure batch;
    private final IngestJobConfiguration jobs;
    private final String runId;

    public FileIngestor(Warehouse warehouse, BatchInfrastructure batch, IngestJobConfiguration jobs, String runId) {
        this.warehouse = warehouse;
        this.batch = batch;
        this.jobs = jobs;
        this.runId = runId;
    }

    private record Planned(InboxFile file, FileKind kind, Header header) {
    }

    public List<LoadResult> ingest(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException("Папка входящих файлов не найдена: " + inbox);
        }
        List<LoadResult> results = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        // Links, paths outside the inbox and files still being copied are not taken (inbox/InboxScanner).
        InboxScanner.Scan scan = new InboxScanner(jobs.settings().settleInterval()).scan(inbox);
        results.addAll(scan.notTaken());
        for (Path path : scan.taken()) {
            Instant started = Instant.now();
            InboxFile file;
            try {
                file = InboxFile.of(inbox, path);
            } catch (IOException e) {
                results.add(new LoadResult(inbox.relativize(path).toString(), null, null, LoadResult.Status.FAILED, 0, 0, 0,
                        "файл не удалось прочитать: " + e.getMessage()));
                continue;
            }
            Optional<String> sameContent = activeFileWithContent(file.sha256());
            if (sameContent.isPresent()) {
                results.add(new LoadResult(file.name(), null, null, LoadResult.Status.SKIPPED, 0, 0, 0,
                        "без изменений: это содержимое уже загружено из «" + sameContent.get() + "»"));
                continue;
            }
            try {
                Header header = readHeader(path);
                // The source found this header by the same detection, so a kind is always there.
                planned.add(new Planned(file, FileKind.detect(header).orElseThrow(), header));
            } catch (UnreadableFileException e) {
                String why = e.getMessage().startsWith("не найдена строка заголовка")
                        ? "не удалось определить тип файла: " + e.getMessage() + "; ожидается один из: "
                                + FileKind.describeKnownHeaders()
                        : e.getMessage();
                results.add(failed(file, null, started, why));
            }
        }
        planned.sort(Comparator.comparingInt((Planned p) -> p.kind().order()).thenComparing(p -> p.file().name()));
        for (Planned p : planned) {
            results.add(load(p));
        }
        purgeSupersededRows();
        return results;
    }

    /** The header of a file, found by the source layer below any title rows, with the configured aliases. */
    private Header readHeader(Path path) throws UnreadableFileException {
        ColumnAliases aliases = jobs.settings().aliases();
        try (RecordSource source = RecordSources.open(path, jobs.headerPredicate(), jobs.sourceOptions())) {
            return new Header(source.header().names(), aliases);
        } catch (java.io.IOException e) {
            throw new UnreadableFileException("файл не удалось прочитать: " + e.getMessage());
        }
    }

    private LoadResult load(Planned p) {
        Instant started = Instant.now();
        InboxFile file = p.file();
        String loadId = loadId(file);
        LoadContext context = new LoadContext(warehouse, loadId, file.name());
        Job job;
        try {
            // The kind's own check before any row is written (student results: the warehouse's pseudonym key).
            p.kind().descriptor().beforeLoad(context, jobs.settings(), runId);
            job = jobs.job(p.kind(), file.path(), p.header(), context);
        } catch (IllegalStateException e) {
            return failed(file, p.kind(), loadId, started, e.getMessage());
        }
        JobParameters params = new JobParametersBuilder()
                .addString("load_id", loadId)
                .addString("file", file.name(), false)
                .addString("run_id", runId, false)
                .toJobParameters();
        log.info("Loading {} as {} (load {})", file.name(), p.kind().code(), loadId);
        JobExecution execution;
        try {
            execution = startOrRestart(job, params);
        } catch (JobInstanceAlreadyCompleteException e) {
            // The job finished but the run stopped before recording it: the rows are there, record them now.
            execution = batch.jobRepository().getLastJobExecution(job.getName(), params);
        } catch (Exception e) {
            return failed(file, p.kind(), started, "загрузка не запущена: " + e.getMessage());
        }
        if (execution == null || execution.getStatus() != BatchStatus.COMPLETED) {
            String why = execution == null ? "нет сведений о выполнении" : describeFailure(execution);
            return failed(file, p.kind(), loadId, started, why);
        }
        long read = readCount(execution);
        long loaded = count("SELECT count(*) FROM " + p.kind().stagingTable() + " WHERE load_id = ?", loadId);
        long quarantined = count("SELECT count(*) FROM meta_quarantine WHERE load_id = ?", loadId);
        if (read != loaded + quarantined) {
            return failed(file, p.kind(), loadId, started, "нарушен учёт строк: прочитано " + read + ", загружено "
                    + loaded + ", в карантине " + quarantined);
        }
        LoadResult result = new LoadResult(file.name(), p.kind(), loadId, LoadResult.Status.LOADED, read, loaded,
                quarantined, quarantined == 0 ? "загружен" : "загружен, строк в карантине: " + quarantined);
        record(result, file.sha256(), started);
        return result;
    }

    private JobExecution startOrRestart(Job job, JobParameters params) throws Exception {
        try {
            return batch.jobOperator().start(job, params);
        } catch (JobExecutionAlreadyRunningException e) {
            // Only one Orientir run holds the pipeline lock, so an execution still marked as running was
            // interrupted (the process died). Mark it failed and restart from its last committed chunk.
            JobExecution stale = batch.jobRepository().getLastJobExecution(job.getName(), params);
            log.warn("Load {} was interrupted in an earlier run; resuming it", params.getString("load_id"));
            batch.jobOperator().recover(stale);
            return batch.jobOperator().start(job, params);
        }
    }

    private static String describeFailure(JobExecution execution) {
        List<Throwable> errors = execution.getAllFailureExceptions();
        if (errors.isEmpty()) {
            return "загрузка завершилась со статусом " + execution.getStatus();
        }
        Throwable t = errors.get(0);
        log.error("Load {} failed", execution.getJobParameters().getString("load_id"), t);
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return "загрузка прервана: " + t.getMessage() + " (повторный запуск продолжит её с места остановки)";
    }

    private static long readCount(JobExecution execution) {
        long total = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getExecutionContext().containsKey(SourceItemReader.RECORDS_KEY)) {
                total += step.getExecutionContext().getLong(SourceItemReader.RECORDS_KEY);
            }
        }
        return total;
    }


    /** Stable across restarts of the same file version; a new generation when the same version is loaded again later. */
    private String loadId(InboxFile file) {
        long generation = count("SELECT count(*) FROM meta_load WHERE file = ? AND content_sha256 = ? AND status = 'loaded'",
                file.name(), file.sha256());
        return InboxFile.sha256(file.name() + "\n" + file.sha256()).substring(0, 16) + "-" + generation;
    }

    private Optional<String> activeFileWithContent(String sha256) {
        try (Connection c = warehouse.connection();
             PreparedStatement ps = c.prepareStatement("SELECT file FROM meta_active_load WHERE content_sha256 = ? ORDER BY file")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WarehouseException("Не удалось прочитать из хранилища прежние загрузки файла: проверьте, что хранилище "
                    + "доступно, и повторите запуск.\nПодробности: " + e.getMessage(), e);
        }
    }

    private LoadResult failed(InboxFile file, FileKind kind, Instant started, String message) {
        return failed(file, kind, InboxFile.sha256(file.name() + "\n" + file.sha256()).substring(0, 16) + "-failed", started, message);
    }

    private LoadResult failed(InboxFile file, FileKind kind, String loadId, Instant started, String message) {
        log.error("{}: {}", file.name(), message);
        LoadResult result = new LoadResult(file.name(), kind, loadId, LoadResult.Status.FAILED, 0, 0, 0, message);
        record(result, file.sha256(), started);
        return result;
    }

    private void record(LoadResult r, String sha256, Instant started) {
        String sql = "INSERT INTO meta_load (load_id, run_id, file, kind, content_sha256, started_at, finished_at, "
                + "rows_read, rows_loaded, rows_quarantined, status, message, kind_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = warehouse.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.loadId());
            ps.setString(2, runId);
            ps.setString(3, r.file());
            ps.setString(4, r.kind() == null ? "unknown" : r.kind().code());
            ps.setString(5, sha256);
            ps.setTimestamp(6, Timestamp.from(started));
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            ps.setLong(8, r.rowsRead());
            ps.setLong(9, r.rowsLoaded());
            ps.setLong(10, r.rowsQuarantined());
            ps.setString(11, r.status().code());
            ps.setString(12, r.message());
            ps.setString(13, r.kind() == null ? "тип не определён" : r.kind().russianName());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new WarehouseException("Не удалось записать в хранилище сведения о загрузке файла «" + r.file()
                    + "»: проверьте, что хранилище доступно, и повторите запуск.\nПодробности: " + e.getMessage(), e);
        }
    }

    /**
     * Rows of earlier versions of a changed file leave staging once the new version has loaded — except for a kind
     * that keeps them (the school reference: the history of schools that have since closed).
     */
    private void purgeSupersededRows() {
        for (FileKind kind : FileKind.values()) {
            if (kind.descriptor().keepsEarlierVersions()) {
                continue;
            }
            String table = kind.stagingTable();
            String sql = "DELETE FROM " + table + " WHERE load_id NOT IN (SELECT load_id FROM meta_active_load) "
                    + "AND load_id IN (SELECT load_id FROM meta_load WHERE status = 'loaded')";
            try (Connection c = warehouse.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new WarehouseException("Не удалось убрать из " + table + " строки прежней версии файла: проверьте, что "
                        + "хранилище доступно, и повторите запуск.\nПодробности: " + e.getMessage(), e);
            }
        }
    }

    private long count(String sql, String... params) {
        try (Connection c = warehouse.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new WarehouseException("Запрос к хранилищу не выполнен: проверьте, что хранилище доступно, и повторите "
                    + "запуск.\nПодробности: " + e.getMessage(), e);
        }
    }
}
