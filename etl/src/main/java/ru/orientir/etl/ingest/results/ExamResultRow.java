package ru.orientir.etl.ingest.results;

/** One participant's result in one procedure; the participant is a pseudonym, never the raw id. */
public record ExamResultRow(int year, String procedure, int grade, String subject, String schoolId,
                           String participantKey, Integer mark, Double score) {
}
