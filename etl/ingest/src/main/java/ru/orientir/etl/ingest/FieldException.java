package ru.orientir.etl.ingest;

/** One field's value is unacceptable; {@code reason} is in Russian and does not repeat the field's name. */
public final class FieldException extends Exception {
    private final String field;

    public FieldException(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
