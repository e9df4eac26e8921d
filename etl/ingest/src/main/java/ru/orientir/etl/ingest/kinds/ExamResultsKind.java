package ru.orientir.etl.ingest.kinds;

import java.util.List;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.StagingTable;
import ru.orientir.etl.ingest.results.DuplicateResultsTasklet;
import ru.orientir.etl.ingest.results.ExamResultRow;
import ru.orientir.etl.ingest.results.ExamResultValidator;
import ru.orientir.etl.ingest.results.Pseudonymizer;

/**
 * Student-level results (ВПР, ОГЭ, ЕГЭ): one row per participant and procedure, a mark and/or a score. Participant
 * ids are pseudonymised before anything is stored, so a file loads only under the warehouse's key; duplicates are
 * found in the warehouse after loading, since a year's keys do not fit in memory.
 */
public final class ExamResultsKind implements InputKind<ExamResultRow> {
    private static final KindHeader HEADER = KindHeader
            .requiring("year", "procedure", "grade", "subject", "school_id", "participant_id")
            .andAnyOf(List.of("mark", "score"))
            .column("participant_id", "код участника", "идентификатор участника")
            .column("mark", "отметка", "оценка")
            .column("score", "балл", "первичный балл", "тестовый балл");

    @Override
    public String code() {
        return "exam_results";
    }

    @Override
    public String russianName() {
        return "результаты участников";
    }

    @Override
    public int loadOrder() {
        return 3;
    }

    /** First: the most columns of all. */
    @Override
    public int detectionRank() {
        return 10;
    }

    @Override
    public KindHeader header() {
        return HEADER;
    }

    @Override
    public StagingTable<ExamResultRow> staging() {
        return ExamResultRow.STAGING;
    }

    @Override
    public RowValidator<ExamResultRow> validator(Header header, LoadContext load, IngestSettings settings) {
        return RowValidator.of(new ExamResultValidator(header, load, new Pseudonymizer(settings.pseudonymKey()),
                settings.mark2Bounds()));
    }

    /** One key per warehouse: a changed key would give the same student a second pseudonym. */
    @Override
    public void beforeLoad(LoadContext load, IngestSettings settings, String runId) {
        Pseudonymizer.checkWarehouseKey(load.warehouse(), settings.pseudonymKey(), runId);
    }

    @Override
    public List<LoadStep> afterLoad(LoadContext load) {
        return List.of(new LoadStep("deduplicate-" + code(), new DuplicateResultsTasklet(load)));
    }
}
