package ru.orientir.etl.ingest.results;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/**
 * School-level results of one procedure, for regions that only have aggregates. The counts of marks 2–5 are null for an
 * ЕГЭ row that gives none (ЕГЭ has scores, not marks: its row gives {@code belowMin} instead); ВПР and ОГЭ rows always
 * have all four.
 */
public record ExamAggregateRow(int year, String procedure, int grade, String subject, String schoolId, int participants,
                               Integer mark2, Integer mark3, Integer mark4, Integer mark5, Integer belowMin,
                               Double meanScore) {

    /** stg_exam_aggregates: the columns after load_id and line. */
    public static final StagingTable<ExamAggregateRow> STAGING = new StagingTable<>("stg_exam_aggregates", List.of(
                    StagingTable.column("year", StagingTable.INT),
                    StagingTable.column("procedure", StagingTable.TEXT),
                    StagingTable.column("grade", StagingTable.INT),
                    StagingTable.column("subject", StagingTable.TEXT),
                    StagingTable.column("school_id", StagingTable.TEXT),
                    StagingTable.column("participants", StagingTable.INT),
                    StagingTable.column("mark2", StagingTable.INT),
                    StagingTable.column("mark3", StagingTable.INT),
                    StagingTable.column("mark4", StagingTable.INT),
                    StagingTable.column("mark5", StagingTable.INT),
                    StagingTable.column("below_min", StagingTable.INT),
                    StagingTable.column("mean_score", StagingTable.DOUBLE)),
            r -> new Object[] {r.year(), r.procedure(), r.grade(), r.subject(), r.schoolId(), r.participants(), r.mark2(), r.mark3(), r.mark4(), r.mark5(), r.belowMin(), r.meanScore()});
}
