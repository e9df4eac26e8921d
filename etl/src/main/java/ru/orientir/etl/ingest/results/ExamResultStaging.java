package ru.orientir.etl.ingest.results;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/** stg_exam_results. */
public final class ExamResultStaging implements StagingTable<ExamResultRow> {
    private static final List<Column> COLUMNS = List.of(
            StagingTable.column("year", INT),
            StagingTable.column("procedure", TEXT),
            StagingTable.column("grade", INT),
            StagingTable.column("subject", TEXT),
            StagingTable.column("school_id", TEXT),
            StagingTable.column("participant_key", TEXT),
            StagingTable.column("mark", INT),
            StagingTable.column("score", DOUBLE));

    @Override
    public String table() {
        return "stg_exam_results";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Object[] values(ExamResultRow r) {
        return new Object[] {r.year(), r.procedure(), r.grade(), r.subject(), r.schoolId(), r.participantKey(), r.mark(), r.score()};
    }
}
