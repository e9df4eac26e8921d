package ru.orientir.etl.ingest;

/** What validation made of one input row: loaded as a typed row, or quarantined whole with its reason. */
public sealed interface RowOutcome<T> {

    long line();

    /** A row rejected for one field's value; the reason reads «поле «name»: …». */
    static <T> RowOutcome<T> rejectField(ru.orientir.etl.ingest.source.SourceRecord record, String field, String reason) {
        return new Rejected<>(record.line(), field, "поле «" + field + "»: " + reason, record.raw());
    }

    record Accepted<T>(long line, T row) implements RowOutcome<T> {
    }

    /** {@code field} is the column at fault (null when the row as a whole is), {@code reason} is in Russian. */
    record Rejected<T>(long line, String field, String reason, String raw) implements RowOutcome<T> {
    }
}
