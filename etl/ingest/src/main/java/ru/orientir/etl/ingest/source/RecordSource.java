package ru.orientir.etl.ingest.source;

import java.io.Closeable;
import java.io.IOException;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.source.SourceRecord;

/**
 * A tabular input file (CSV or XLSX) read as records: first the rows above the header (titles, explanations), then
 * every data row below it. Streams: memory does not grow with the file's size. Opened by {@link RecordSources#open}.
 */
public interface RecordSource extends Closeable {
    /** Built from the header row, or from two header rows combined («Отметка» over «2» → «Отметка 2»). */
    Header header();

    /** 1-based CSV physical line, or XLSX row number, of the header row (the lower one of a two-row header). */
    long headerLine();

    /** In Russian, for logs and load messages: «CSV, кодировка windows-1251, разделитель «;»», «XLSX, лист «Результаты»». */
    String describe();

    /**
     * The next record, or null at the end. Rows above the header come first, each with the error
     * {@value RecordSources#TITLE_ROW_ERROR}; then every data row below the header, as read (blank rows included, so
     * every row is accounted for). A record's line is the CSV physical line where it starts, or the XLSX row number.
     *
     * @throws IOException when the file turns out to be damaged part-way (e.g. a cut XLSX), with a Russian message
     */
    SourceRecord next() throws IOException;
}
