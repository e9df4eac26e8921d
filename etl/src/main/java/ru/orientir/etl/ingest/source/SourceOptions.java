package ru.orientir.etl.ingest.source;

/**
 * How to open a source file.
 *
 * @param sheetName            the XLSX sheet to read; null reads the first (visible) sheet. A named sheet that the
 *                             workbook does not have makes the file unreadable (the message lists the sheets). Ignored
 *                             for CSV.
 * @param maxHeaderSearchRows  how many rows from the top may hold titles before the header row is found
 */
public record SourceOptions(String sheetName, int maxHeaderSearchRows) {
    public static final int DEFAULT_MAX_HEADER_SEARCH_ROWS = 30;

    public SourceOptions {
        if (maxHeaderSearchRows < 1) {
            throw new IllegalArgumentException("maxHeaderSearchRows must be positive: " + maxHeaderSearchRows);
        }
        if (sheetName != null && sheetName.isBlank()) {
            sheetName = null;
        }
    }

    public static SourceOptions defaults() {
        return new SourceOptions(null, DEFAULT_MAX_HEADER_SEARCH_ROWS);
    }

    public SourceOptions withSheet(String sheet) {
        return new SourceOptions(sheet, maxHeaderSearchRows);
    }
}
