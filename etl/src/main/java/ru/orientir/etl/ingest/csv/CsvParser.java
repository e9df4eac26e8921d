package ru.orientir.etl.ingest.csv;

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
    private long nextLine = 1;
    private int pushedBack = -2;

    public CsvParser(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    /** The next record, or null at the end of the input. */
    public CsvRecord next() throws IOException {
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
        while (true) {
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
                fields.add(field.toString());
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
        return new CsvRecord(startLine, fields, raw.toString(), error);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void pushBack(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
