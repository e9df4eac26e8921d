package ru.orientir.etl.ingest.source;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import ru.orientir.etl.ingest.source.RecordSource;
import ru.orientir.etl.ingest.source.RecordSources;
import ru.orientir.etl.ingest.source.SourceOptions;

/**
 * Reads the records of an input file (CSV in any supported encoding and separator, or XLSX) for Spring Batch: the
 * rows above the header first (each carries its reason, so it is quarantined), then the data rows. Restartable:
 * Spring Batch stores how many records were read and, on restart, the reader re-opens the file and skips that many.
 */
public final class SourceItemReader extends AbstractItemCountingItemStreamItemReader<SourceRecord> {
    public static final String RECORDS_KEY = "source.records";

    private final Path file;
    private final Predicate<List<String>> isHeader;
    private final SourceOptions options;
    private RecordSource source;
    private long records;

    public SourceItemReader(Path file, Predicate<List<String>> isHeader, SourceOptions options) {
        this.file = file;
        this.isHeader = isHeader;
        this.options = options;
        setName("source");
    }

    @Override
    protected void doOpen() throws Exception {
        source = RecordSources.open(file, isHeader, options);
        records = 0; // on restart the base class re-reads up to its saved position, which counts them again
    }

    @Override
    protected SourceRecord doRead() throws Exception {
        SourceRecord record = source.next();
        if (record != null) {
            records++;
        }
        return record;
    }

    /** Records read so far, title rows included, header excluded (the base class also counts the final empty read). */
    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        context.putLong(RECORDS_KEY, records);
    }

    @Override
    protected void doClose() throws Exception {
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
