/**
 * Reading the region's tabular files, whatever tool exported them: {@link ru.orientir.etl.ingest.source.RecordSources}
 * opens a file by its content (CSV in UTF-8 or windows-1251 with {@code , ; TAB}, or an XLSX sheet), finds the header
 * below any title rows (a two-row merged header is combined), and streams its rows as
 * {@link ru.orientir.etl.ingest.source.SourceRecord}s: title rows first, marked as not data, then every data row. A file that
 * cannot be read at all fails with {@link ru.orientir.etl.ingest.source.UnreadableFileException}, in Russian.
 * Memory does not grow with the file: CSV holds one record, XLSX one row plus the workbook's shared strings.
 */
package ru.orientir.etl.ingest.source;
