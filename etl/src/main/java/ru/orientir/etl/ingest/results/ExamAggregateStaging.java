package ru.orientir.etl.ingest.results;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/** stg_exam_aggregates. */
public final class ExamAggregateStaging implements StagingTable<ExamAggregateRow> {
    private static final List<Column> COLUMNS = List.of(
            StagingTable.column("year", INT),
            StagingTable.column("procedure", TEXT),
            StagingTable.column("grade", INT),
            StagingTable.column("subject", TEXT),
            StagingTable.column("school_id", TEXT),
            StagingTable.column("participants", INT),
            StagingTable.column("mark2", INT),
            StagingTable.column("mark3", INT),
            StagingTable.column("mark4", INT),
            StagingTable.column("mark5", INT),
            StagingTable.column("below_min", INT),
            StagingTable.column("mean_score", DOUBLE));

    @Override
    public String table() {
        return "stg_exam_aggregates";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Object[] values(ExamAggregateRow r) {
        return new Object[] {r.year(), r.procedure(), r.grade(), r.subject(), r.schoolId(), r.participants(), r.mark2(), r.mark3(), r.mark4(), r.mark5(), r.belowMin(), r.meanScore()};
    }
}
