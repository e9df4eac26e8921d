package ru.orientir.jobs.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import ru.orientir.etl.ingest.source.CsvFormat;

/**
 * Writes rows in RFC 4180 CSV: fields separated by commas, every row ended by {@code "\n"}, through Orientir's one
 * CSV writer ({@link CsvFormat#RFC_4180}, which the ingest's parser reads back).
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
        CsvFormat.RFC_4180.write(out, Objects.requireNonNull(fields, "fields"));
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
}
