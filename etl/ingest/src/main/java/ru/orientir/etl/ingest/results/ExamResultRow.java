package ru.orientir.etl.ingest.results;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/**
 * One participant's result in one procedure; the participant is a pseudonym, never the raw id. {@code mark2MaxScore}
 * is the configured mark-2 bound when the file gave a score and no mark ({@link Mark2Bounds}): the row is then mark 2
 * (score ≤ bound) or «не 2» with an empty mark (a higher score; marks 3–5 are not told apart). It is null when the file
 * gave the mark, and for ЕГЭ (scores against the minimum score).
 */
public record ExamResultRow(int year, String procedure, int grade, String subject, String schoolId,
                           String participantKey, Integer mark, Double score, Double mark2MaxScore) {

    public ExamResultRow(int year, String procedure, int grade, String subject, String schoolId, String participantKey,
                         Integer mark, Double score) {
        this(year, procedure, grade, subject, schoolId, participantKey, mark, score, null);
    }

    /** stg_exam_results: the columns after load_id and line. */
    public static final StagingTable<ExamResultRow> STAGING = new StagingTable<>("stg_exam_results", List.of(
                    StagingTable.column("year", StagingTable.INT),
                    StagingTable.column("procedure", StagingTable.TEXT),
                    StagingTable.column("grade", StagingTable.INT),
                    StagingTable.column("subject", StagingTable.TEXT),
                    StagingTable.column("school_id", StagingTable.TEXT),
                    StagingTable.column("participant_key", StagingTable.TEXT),
                    StagingTable.column("mark", StagingTable.INT),
                    StagingTable.column("score", StagingTable.DOUBLE),
                    StagingTable.column("mark2_max_score", StagingTable.DOUBLE)),
            r -> new Object[] {r.year(), r.procedure(), r.grade(), r.subject(), r.schoolId(), r.participantKey(), r.mark(),
                    r.score(), r.mark2MaxScore()});
}
