package ru.orientir.etl.ingest.source;

/**
 * How to open a source file.
 *
 * @param sheetName            the XLSX sheet to read; null reads the first (visible) sheet. A named sheet that the
 *                             workbook does not have makes the file unreadable (the message lists the sheets). Ignored
 *                             for CSV.
 * @param maxHeaderSearchRows  how many rows from the top may hold titles before the header row is found
 * @param maxSharedStringChars XLSX: the most characters the workbook's shared-strings table may hold in memory; a
 *                             larger table fails that file only (default {@value #DEFAULT_MAX_SHARED_STRING_CHARS},
 *                             about 128 MB of text)
 */
public record SourceOptions(String sheetName, int maxHeaderSearchRows, long maxSharedStringChars) {
    public static final int DEFAULT_MAX_HEADER_SEARCH_ROWS = 30;
    public static final long DEFAULT_MAX_SHARED_STRING_CHARS = 64L << 20;

    public SourceOptions(String sheetName, int maxHeaderSearchRows) {
        this(sheetName, maxHeaderSearchRows, DEFAULT_MAX_SHARED_STRING_CHARS);
    }

    public SourceOptions {
        if (maxSharedStringChars < 1) {
            throw new IllegalArgumentException("maxSharedStringChars must be positive: " + maxSharedStringChars);
        }
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
        return new SourceOptions(sheet, maxHeaderSearchRows, maxSharedStringChars);
    }

    public SourceOptions withMaxSharedStringChars(long chars) {
        return new SourceOptions(sheetName, maxHeaderSearchRows, chars);
    }
}
