package ru.orientir.etl.ingest.source;

/**
 * The file cannot be read at all (not CSV or XLSX, damaged, no recognisable header): its load fails with this
 * message, in Russian, and the other files of the run still load. The message does not name the file.
 */
public final class UnreadableFileException extends Exception {
    public UnreadableFileException(String russianMessage) {
        super(russianMessage);
    }

    static UnreadableFileException because(String russianMessage, Throwable cause) {
        UnreadableFileException e = new UnreadableFileException(russianMessage);
        e.initCause(cause);
        return e;
    }
}
