package ru.orientir.etl.ingest.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.step.Step;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.context.ContextRow;
import ru.orientir.etl.ingest.context.ContextValidator;
import ru.orientir.etl.ingest.objectivity.ObjectivityFlagRow;
import ru.orientir.etl.ingest.objectivity.ObjectivityFlagValidator;
import ru.orientir.etl.ingest.results.DuplicateResultsTasklet;
import ru.orientir.etl.ingest.results.ExamAggregateRow;
import ru.orientir.etl.ingest.results.ExamAggregateValidator;
import ru.orientir.etl.ingest.results.ExamResultRow;
import ru.orientir.etl.ingest.results.ExamResultValidator;
import ru.orientir.etl.ingest.results.Pseudonymizer;
import ru.orientir.etl.ingest.staffing.StaffingRow;
import ru.orientir.etl.ingest.staffing.StaffingValidator;
import ru.orientir.etl.ingest.survey.RiskSurveyRow;
import ru.orientir.etl.ingest.survey.RiskSurveyValidator;
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
import ru.orientir.etl.ingest.source.SourceItemReader;
import ru.orientir.etl.ingest.source.SourceOptions;
import ru.orientir.etl.ingest.source.SourceRecord;
import ru.orientir.etl.ingest.lists.OfficialListRowValidator;
import ru.orientir.etl.ingest.lists.OfficialListRow;
import ru.orientir.etl.ingest.schools.SchoolRowValidator;
import ru.orientir.etl.ingest.schools.SchoolRow;

/**
 * The ingest job for one file, read top to bottom: CSV reader → validator (every row becomes loaded or quarantined,
 * none is skipped or dropped) → staging/quarantine writer. No skip policy is needed: validation never throws on bad
 * data; an exception means the load itself failed, and the job is then restartable from its last committed chunk.
 */
public final class IngestJobConfiguration {
    public static final int CHUNK_SIZE = 5_000;

    private final BatchInfrastructure batch;
    private final ChunkObserver observer;
    private final IngestSettings settings;

    public IngestJobConfiguration(BatchInfrastructure batch, ChunkObserver observer) {
        this(batch, observer, IngestSettings.fromEnvironment(System.getenv()));
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

    /** The job for one file; throws IllegalStateException (Russian message) when the load cannot start. */
    public Job job(FileKind kind, Path file, Header header, LoadContext load) {
        JobBuilder job = new JobBuilder(jobName(kind), batch.jobRepository());
        return switch (kind) {
            case SCHOOLS -> job.start(step(kind, file, new SchoolRowValidator(header, load), SchoolRow.STAGING, load)).build();
            case OFFICIAL_LIST -> job.start(step(kind, file, new OfficialListRowValidator(header, load),
                    OfficialListRow.STAGING, load)).build();
            case EXAM_RESULTS -> job.start(step(kind, file, new ExamResultValidator(header, load,
                            new Pseudonymizer(settings.pseudonymKey()), settings.mark2Bounds()), ExamResultRow.STAGING, load))
                    .next(new StepBuilder("deduplicate-" + kind.code(), batch.jobRepository())
                            .tasklet(new DuplicateResultsTasklet(load), batch.transactionManager())
                            .build())
                    .build();
            case EXAM_AGGREGATES -> job.start(step(kind, file, new ExamAggregateValidator(header, load),
                    ExamAggregateRow.STAGING, load)).build();
            case SCHOOL_CONTEXT -> job.start(step(kind, file, new ContextValidator(header, load), ContextRow.STAGING, load)).build();
            case STAFFING -> job.start(step(kind, file, new StaffingValidator(header, load), StaffingRow.STAGING, load)).build();
            case RISK_SURVEY -> job.start(step(kind, file, new RiskSurveyValidator(header, load), RiskSurveyRow.STAGING,
                    load)).build();
            case OBJECTIVITY_FLAGS -> job.start(step(kind, file, new ObjectivityFlagValidator(header, load),
                    ObjectivityFlagRow.STAGING, load)).build();
        };
    }

    private <T, V extends ItemProcessor<SourceRecord, RowOutcome<T>> & ItemStream> Step step(
            FileKind kind, Path file, V validator, StagingTable<T> staging, LoadContext load) {
        return new StepBuilder("load-" + kind.code(), batch.jobRepository())
                .<SourceRecord, RowOutcome<T>>chunk(CHUNK_SIZE)
                .transactionManager(batch.transactionManager())
                .reader(new SourceItemReader(file, headerPredicate(), sourceOptions()))
                .processor(validator)
                .writer(observed(new StagingWriter<>(load, staging)))
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
