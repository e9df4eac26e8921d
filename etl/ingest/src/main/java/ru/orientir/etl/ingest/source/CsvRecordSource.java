package ru.orientir.etl.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.source.CsvParser;
import ru.orientir.etl.ingest.source.SourceRecord;

/**
 * A CSV file in its detected dialect. Bytes that are invalid in the encoding are decoded as U+FFFD and the record that
 * holds them gets an error, so it is quarantined whole rather than loaded altered.
 */
final class CsvRecordSource implements RecordSource {
    /** A record longer than this (a quote never closed) keeps only its beginning, so memory stays bounded. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    private final CsvParser parser;
    private final CsvDialect dialect;
    private final String encodingError;
    private final ArrayDeque<SourceRecord> pending = new ArrayDeque<>();
    private Header header;
    private long headerLine;

    private CsvRecordSource(CsvParser parser, CsvDialect dialect) {
        this.parser = parser;
        this.dialect = dialect;
        this.encodingError = "строка содержит байты, недопустимые в кодировке " + dialect.charset().name();
    }

    static RecordSource open(Path file, CsvDialect dialect, Predicate<List<String>> isHeader, SourceOptions options)
            throws UnreadableFileException, IOException {
        InputStream in = Files.newInputStream(file);
        CsvRecordSource source;
        try {
            if (dialect.bom()) {
                in.skipNBytes(3);
            }
            var decoder = dialect.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            source = new CsvRecordSource(new CsvParser(new InputStreamReader(in, decoder), dialect.separator(), MAX_RECORD_CHARS), dialect);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        try {
            source.findHeader(isHeader, options.maxHeaderSearchRows());
            return source;
        } catch (UnreadableFileException | IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private void findHeader(Predicate<List<String>> isHeader, int maxRows) throws IOException, UnreadableFileException {
        List<SourceRecord> top = new ArrayList<>();
        HeaderSearch.Candidate previous = null;
        boolean anyContent = false;
        while (top.size() < maxRows) {
            SourceRecord record = parser.next();
            if (record == null) {
                break;
            }
            top.add(record);
            anyContent |= !record.isBlank();
            HeaderSearch.Candidate current = null;
            if (record.error() == null) { // a row that does not parse cleanly is not taken for the header
                List<String> cells = HeaderSearch.trimmed(record.fields());
                current = new HeaderSearch.Candidate(cells, HeaderSearch.filledFromLeft(cells), true);
                HeaderSearch.Found found = HeaderSearch.test(previous, current, isHeader);
                if (found != null) {
                    header = new Header(found.names());
                    headerLine = record.line();
                    int headerRows = found.rows();
                    for (int i = 0; i < top.size() - headerRows; i++) {
                        SourceRecord title = top.get(i);
                        pending.add(new SourceRecord(title.line(), title.fields(), title.raw().replace('\0', '\u2400'),
                                RecordSources.TITLE_ROW_ERROR));
                    }
                    return;
                }
            }
            previous = current;
        }
        if (!anyContent && top.size() < maxRows) {
            throw new UnreadableFileException("пустой файл: нет ни одной непустой строки");
        }
        throw new UnreadableFileException("не найдена строка заголовка в первых " + maxRows + " строках");
    }

    @Override
    public Header header() {
        return header;
    }

    @Override
    public long headerLine() {
        return headerLine;
    }

    @Override
    public String describe() {
        return dialect.describe();
    }

    @Override
    public SourceRecord next() throws IOException {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        SourceRecord record = parser.next();
        if (record == null || record.raw().indexOf('\uFFFD') < 0) {
            return RecordSources.withNulCheck(record, header); // a NUL anywhere in the file, not only near its start
        }
        return new SourceRecord(record.line(), record.fields(), record.raw(), encodingError);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
