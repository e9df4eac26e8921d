package ru.orientir.jobs.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes rows in RFC 4180 CSV: fields separated by commas, every row ended by {@code "\n"}.
 *
 * <p>A field is quoted only when it contains a comma, a double quote, CR or LF, and quotes
 * inside it are doubled, so plain Russian text stays readable in any editor. {@code null}
 * writes an empty field. A row made of one empty field is written as {@code ""} so that a
 * reader does not mistake it for a blank line (the same choice Python's csv module makes).
 *
 * <p>The writer does not buffer: wrap the target in a {@link java.io.BufferedWriter} when
 * writing many rows. Closing this writer closes the wrapped one.
 */
public final class CsvWriter implements Closeable, Flushable {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Writes one row; {@code null} elements become empty fields. */
    public void writeRow(List<String> fields) throws IOException {
        Objects.requireNonNull(fields, "fields");
        int size = fields.size();
        if (size == 1) {
            String only = fields.get(0);
            if (only == null || only.isEmpty()) {
                out.write("\"\"\n");
                return;
            }
        }
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(fields.get(i));
        }
        out.write('\n');
    }

    /** Writes one row; {@code null} elements become empty fields. */
    public void writeRow(String... fields) throws IOException {
        writeRow(Arrays.asList(Objects.requireNonNull(fields, "fields")));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void writeField(String field) throws IOException {
        if (field == null || field.isEmpty()) {
            return;
        }
        if (!needsQuoting(field)) {
            out.write(field);
            return;
        }
        out.write('"');
        int length = field.length();
        for (int i = 0; i < length; i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    private static boolean needsQuoting(String field) {
        int length = field.length();
        for (int i = 0; i < length; i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
