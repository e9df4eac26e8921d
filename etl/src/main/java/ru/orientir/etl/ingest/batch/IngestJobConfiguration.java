package ru.orientir.etl.ingest.batch;

import java.nio.file.Path;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import ru.orientir.etl.ingest.FileKind;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.RowOutcome;
import ru.orientir.etl.ingest.StagingTable;
import ru.orientir.etl.ingest.StagingWriter;
import ru.orientir.etl.ingest.csv.CsvItemReader;
import ru.orientir.etl.ingest.csv.CsvRecord;
import ru.orientir.etl.ingest.lists.OfficialListRowValidator;
import ru.orientir.etl.ingest.lists.OfficialListStaging;
import ru.orientir.etl.ingest.schools.SchoolRowValidator;
import ru.orientir.etl.ingest.schools.SchoolStaging;

/**
 * The ingest job for one file, read top to bottom: CSV reader → validator (every row becomes loaded or quarantined,
 * none is skipped or dropped) → staging/quarantine writer. No skip policy is needed: validation never throws on bad
 * data; an exception means the load itself failed, and the job is then restartable from its last committed chunk.
 */
public final class IngestJobConfiguration {
    public static final int CHUNK_SIZE = 1_000;

    private final BatchInfrastructure batch;
    private final ChunkObserver observer;

    public IngestJobConfiguration(BatchInfrastructure batch, ChunkObserver observer) {
        this.batch = batch;
        this.observer = observer;
    }

    public static String jobName(FileKind kind) {
        return "ingest-" + kind.code();
    }

    public Job job(FileKind kind, Path file, Header header, LoadContext load) {
        Step step = switch (kind) {
            case SCHOOLS -> step(kind, file, new SchoolRowValidator(header, load), new SchoolStaging(), load);
            case OFFICIAL_LIST -> step(kind, file, new OfficialListRowValidator(header, load), new OfficialListStaging(), load);
        };
        return new JobBuilder(jobName(kind), batch.jobRepository()).start(step).build();
    }

    private <T, V extends ItemProcessor<CsvRecord, RowOutcome<T>> & ItemStream> Step step(
            FileKind kind, Path file, V validator, StagingTable<T> staging, LoadContext load) {
        return new StepBuilder("load-" + kind.code(), batch.jobRepository())
                .<CsvRecord, RowOutcome<T>>chunk(CHUNK_SIZE)
                .transactionManager(batch.transactionManager())
                .reader(new CsvItemReader(file, ','))
                .processor(validator)
                .writer(observed(new StagingWriter<>(load, staging)))
                .stream(validator)
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
