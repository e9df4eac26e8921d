package ru.orientir.etl.ingest.csv;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the data records of a UTF-8 CSV file (the header row is consumed on open). Restartable: Spring Batch stores
 * how many records were read and, on restart, the reader skips that many.
 */
public final class CsvItemReader extends AbstractItemCountingItemStreamItemReader<CsvRecord> {
    public static final String RECORDS_KEY = "csv.records";
    private final Path file;
    private final char separator;
    private CsvParser parser;
    private long records;

    public CsvItemReader(Path file, char separator) {
        this.file = file;
        this.separator = separator;
        setName("csv");
    }

    @Override
    protected void doOpen() throws Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        parser = new CsvParser(new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16),
                separator);
        parser.next(); // the header row; FileKind has already read and checked it
        records = 0; // on restart, the base class re-reads up to its saved position, which counts them again
    }

    @Override
    protected CsvRecord doRead() throws Exception {
        CsvRecord record = parser.next();
        if (record != null) {
            records++;
        }
        return record;
    }

    /** Data records read so far, header excluded (the base class's own count also counts the final empty read). */
    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        context.putLong(RECORDS_KEY, records);
    }

    @Override
    protected void doClose() throws Exception {
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }
}
