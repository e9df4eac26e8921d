package ru.orientir.etl.ingest.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import ru.orientir.etl.ingest.FileKind;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.RowOutcome;
import ru.orientir.etl.ingest.StagingWriter;
import ru.orientir.etl.ingest.kinds.InputKind;
import ru.orientir.etl.ingest.kinds.RowValidator;
import ru.orientir.etl.ingest.source.SourceItemReader;
import ru.orientir.etl.ingest.source.SourceOptions;
import ru.orientir.etl.ingest.source.SourceRecord;

/**
 * The ingest job for one file, read top to bottom: CSV reader → validator (every row becomes loaded or quarantined,
 * none is skipped or dropped) → staging/quarantine writer. No skip policy is needed: validation never throws on bad
 * data; an exception means the load itself failed, and the job is then restartable from its last committed chunk.
 */
public final class IngestJobConfiguration {
    /**
     * Rows per chunk: one warehouse write and one job-repository commit each. A restarted load repeats at most one
     * chunk; memory holds one chunk of rows. 20,000 rather than 5,000: each chunk pays a statement, a commit and a
     * temporary file, and on a million rows the larger chunk loaded about 6 % faster (docs/benchmarks.md).
     */
    public static final int CHUNK_SIZE = 20_000;

    private final BatchInfrastructure batch;
    private final ChunkObserver observer;
    private final IngestSettings settings;

    /** With {@link IngestSettings#defaults()} (no pseudonymisation key): a run passes its configured settings. */
    public IngestJobConfiguration(BatchInfrastructure batch, ChunkObserver observer) {
        this(batch, observer, IngestSettings.defaults());
    }

    public IngestJobConfiguration(BatchInfrastructure batch, ChunkObserver observer, IngestSettings settings) {
        this.batch = batch;
        this.observer = observer;
        this.settings = settings;
    }

    public IngestSettings settings() {
        return settings;
    }

    /** A row is the header when its cells name the columns of one of the known file kinds. */
    public Predicate<List<String>> headerPredicate() {
        return cells -> FileKind.detect(new Header(cells, settings.aliases())).isPresent();
    }

    public SourceOptions sourceOptions() {
        return SourceOptions.defaults().withSheet(settings.sheetName());
    }

    public static String jobName(FileKind kind) {
        return "ingest-" + kind.code();
    }

    /**
     * The job for one file, as its kind's descriptor says: load its rows, then any steps after loading. Throws
     * IllegalStateException (Russian message) when the load cannot start.
     */
    public Job job(FileKind kind, Path file, Header header, LoadContext load) {
        return job(kind.descriptor(), jobName(kind), file, header, load);
    }

    private <T> Job job(InputKind<T> kind, String name, Path file, Header header, LoadContext load) {
        SimpleJobBuilder job = new JobBuilder(name, batch.jobRepository())
                .start(step(kind, file, kind.validator(header, load, settings), load));
        for (InputKind.LoadStep after : kind.afterLoad(load)) {
            job.next(new StepBuilder(after.name(), batch.jobRepository())
                    .tasklet(after.tasklet(), batch.transactionManager())
                    .build());
        }
        return job.build();
    }

    private <T> Step step(InputKind<T> kind, Path file, RowValidator<T> validator, LoadContext load) {
        return new StepBuilder("load-" + kind.code(), batch.jobRepository())
                .<SourceRecord, RowOutcome<T>>chunk(CHUNK_SIZE)
                .transactionManager(batch.transactionManager())
                .reader(new SourceItemReader(file, headerPredicate(), sourceOptions()))
                .processor(validator)
                .writer(observed(new StagingWriter<>(load, kind.staging())))
                .stream(validator)
                .listener(ProgressListener.forFile(load.file(), file))
                .build();
    }

    private <T> ItemStreamWriter<RowOutcome<T>> observed(StagingWriter<T> writer) {
        if (observer == ChunkObserver.NONE) {
            return writer;
        }
        return new ItemStreamWriter<>() {
            private long lastLine;

            @Override
            public void open(ExecutionContext context) {
                writer.open(context);
            }

            @Override
            public void update(ExecutionContext context) {
                writer.update(context);
            }

            @Override
            public void close() {
                writer.close();
            }

            @Override
            public void write(Chunk<? extends RowOutcome<T>> chunk) throws Exception {
                writer.write(chunk);
                for (RowOutcome<T> outcome : chunk) {
                    lastLine = Math.max(lastLine, outcome.line());
                }
                observer.afterChunk(lastLine);
            }
        };
    }
}
