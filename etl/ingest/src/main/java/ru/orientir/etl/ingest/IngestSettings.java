package ru.orientir.etl.ingest;

import ru.orientir.etl.ingest.columns.ColumnAliases;
import ru.orientir.etl.ingest.results.Mark2Bounds;

/**
 * What ingestion needs from configuration: the column aliases, the XLSX sheet to read (null = first), and the key for
 * pseudonymising participant ids (the configuration takes it from ORIENTIR_PSEUDONYM_KEY or the file
 * ORIENTIR_PSEUDONYM_KEY_FILE; never from the repository). Without a key, student-level results cannot load (their
 * raw ids must never be stored). The mark-2 bounds turn a ВПР/ОГЭ score without a mark into mark 2 or «не 2»
 * ({@link Mark2Bounds}; none by default).
 */
public record IngestSettings(ColumnAliases aliases, String sheetName, byte[] pseudonymKey, Mark2Bounds mark2Bounds,
                             java.time.Duration settleInterval) {

    public IngestSettings {
        mark2Bounds = mark2Bounds == null ? Mark2Bounds.NONE : mark2Bounds;
        // How long a file's size and mtime must stay unchanged before it is taken (a file with a «.done» marker is
        // taken at once): ZERO here, so programmatic callers and tests do not wait; orientir.yml's ingest.settle-seconds
        // sets it for runs (default there: 10 s). See ingest/inbox/InboxScanner.
        settleInterval = settleInterval == null || settleInterval.isNegative() ? java.time.Duration.ZERO : settleInterval;
    }

    public IngestSettings(ColumnAliases aliases, String sheetName, byte[] pseudonymKey, Mark2Bounds mark2Bounds) {
        this(aliases, sheetName, pseudonymKey, mark2Bounds, java.time.Duration.ZERO);
    }

    public IngestSettings(ColumnAliases aliases, String sheetName, byte[] pseudonymKey) {
        this(aliases, sheetName, pseudonymKey, Mark2Bounds.NONE);
    }

    /**
     * The built-in aliases, the first sheet, no pseudonymisation key, no mark-2 bounds, no settle time. A run's settings
     * come from its configuration (orientir.yml and the environment, read in one place by the jobs module); this module
     * never reads the environment.
     */
    public static IngestSettings defaults() {
        return new IngestSettings(ColumnAliases.builtIn(), null, null);
    }

    public IngestSettings withAliases(ColumnAliases a) {
        return new IngestSettings(a, sheetName, pseudonymKey, mark2Bounds, settleInterval);
    }

    public IngestSettings withSheet(String sheet) {
        return new IngestSettings(aliases, sheet, pseudonymKey, mark2Bounds, settleInterval);
    }

    public IngestSettings withMark2Bounds(Mark2Bounds bounds) {
        return new IngestSettings(aliases, sheetName, pseudonymKey, bounds, settleInterval);
    }

    public IngestSettings withSettleInterval(java.time.Duration interval) {
        return new IngestSettings(aliases, sheetName, pseudonymKey, mark2Bounds, interval);
    }
}
