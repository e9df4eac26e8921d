package ru.orientir.etl.ingest.source;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 parser: quoted fields may hold separators, doubled quotes and line breaks. It never throws on
 * bad input: a malformed record comes back with an error and its raw text, so it can be quarantined whole.
 */
public final class CsvParser implements AutoCloseable {
    private static final int EOF = -1;

    private final Reader in;
    private final char separator;
    private final int maxRecordChars;
    /** Read in blocks: the parser asks for one character at a time, and a Reader's read() is synchronised. */
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int limit;
    private long nextLine = 1;
    private int pushedBack = -2;

    public CsvParser(Reader in, char separator) {
        this(in, separator, Integer.MAX_VALUE - 16);
    }

    /**
     * A parser whose records keep at most {@code maxRecordChars} characters: past that (a quote never closed, which
     * would make the rest of the file one record), the record is still read to its end but only its beginning is
     * kept, and it gets an error. Memory then stays bounded whatever the file holds.
     */
    public CsvParser(Reader in, char separator, int maxRecordChars) {
        if (maxRecordChars < 1) {
            throw new IllegalArgumentException("maxRecordChars must be positive: " + maxRecordChars);
        }
        this.in = in;
        this.separator = separator;
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record, or null at the end of the input. */
    public SourceRecord next() throws IOException {
        int c = read();
        if (c == EOF) {
            return null;
        }
        long startLine = nextLine;
        StringBuilder raw = new StringBuilder();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String error = null;
        boolean quoted = false;
        boolean afterClosingQuote = false;
        boolean fieldStarted = false;
        boolean overflow = false;
        while (true) {
            if (raw.length() > maxRecordChars) {
                overflow = true;
                raw.setLength(maxRecordChars);
                field.setLength(0);
            }
            if (c == EOF) {
                if (quoted) {
                    error = "незакрытая кавычка: поле, начатое в строке " + startLine + ", не закрыто до конца файла";
                }
                break;
            }
            if (quoted) {
                raw.append((char) c);
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        raw.append('"');
                        field.append('"');
                    } else {
                        quoted = false;
                        afterClosingQuote = true;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        nextLine++;
                    }
                    field.append((char) c);
                }
                c = read();
                continue;
            }
            if (c == '\r') {
                int n = read();
                if (n != '\n') {
                    pushBack(n);
                }
                nextLine++;
                break;
            }
            if (c == '\n') {
                nextLine++;
                break;
            }
            raw.append((char) c);
            if (c == separator) {
                if (!overflow) {
                    fields.add(field.toString());
                }
                field.setLength(0);
                afterClosingQuote = false;
                fieldStarted = false;
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (afterClosingQuote) {
                if (error == null) {
                    error = "некорректные кавычки: после закрывающей кавычки идёт «" + (char) c + "» вместо разделителя";
                }
                field.append((char) c);
            } else if (c == '"') {
                if (error == null) {
                    error = "некорректные кавычки: кавычка внутри поля без кавычек (по RFC 4180 поле с кавычками "
                            + "заключается в кавычки целиком, а кавычки внутри удваиваются)";
                }
                field.append('"');
            } else {
                field.append((char) c);
                fieldStarted = true;
            }
            c = read();
        }
        fields.add(field.toString());
        if (overflow) {
            String tooLong = "запись длиннее " + maxRecordChars + " символов: сохранено только её начало";
            error = error == null ? tooLong + " (проверьте кавычки, начиная со строки " + startLine + ")" : error + "; " + tooLong;
        }
        return new SourceRecord(startLine, fields, raw.toString(), error);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (position == limit) {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return EOF;
            }
            position = 0;
            limit = n;
        }
        return buffer[position++];
    }

    private void pushBack(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
