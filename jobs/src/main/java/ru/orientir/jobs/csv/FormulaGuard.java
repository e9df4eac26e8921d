package ru.orientir.jobs.csv;

/**
 * Keeps a text cell of an export from running as a formula when the CSV is opened in Excel or LibreOffice (CSV
 * formula injection): a text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * gets a leading apostrophe, which spreadsheets show as text. Only text values go through it: numbers are written as
 * numbers ({@code -0.53} stays a number), so a numeric column is never changed.
 */
public final class FormulaGuard {
    private FormulaGuard() {
    }

    /** The text as a spreadsheet will show it, never evaluate it; null and empty stay as they are. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
