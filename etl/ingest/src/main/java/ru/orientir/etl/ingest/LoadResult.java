package ru.orientir.etl.ingest;

/** What happened to one inbox file in a run. {@code kind} and {@code loadId} are null when the file was unreadable. */
public record LoadResult(String file, FileKind kind, String loadId, Status status, long rowsRead, long rowsLoaded,
                         long rowsQuarantined, String message) {

    public enum Status {
        LOADED("loaded"), SKIPPED("skipped"), FAILED("failed");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
