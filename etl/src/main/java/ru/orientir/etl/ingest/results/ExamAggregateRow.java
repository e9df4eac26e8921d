package ru.orientir.etl.ingest.results;

/** School-level results of one procedure, for regions that only have aggregates. */
public record ExamAggregateRow(int year, String procedure, int grade, String subject, String schoolId, int participants,
                               int mark2, int mark3, int mark4, int mark5, Integer belowMin, Double meanScore) {
}
