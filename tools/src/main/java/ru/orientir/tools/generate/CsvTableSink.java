package ru.orientir.tools.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ru.orientir.etl.ingest.source.CsvFormat;

/**
 * Writes a table as delimited text through Orientir's one CSV writer ({@link CsvFormat}): the
 * {@code csv} flavour (UTF-8, comma, dot decimals, LF, English header — as the exports) or the
 * {@code csv-ru} flavour (windows-1251, semicolon, decimal comma, CRLF, Russian header), as
 * a Russian Excel saves «CSV (разделители — точка с запятой)». A field is quoted only when
 * it contains the separator, a quote or a line break. A character the charset cannot encode
 * is an error, never a silent «?».
 */
final class CsvTableSink implements TableSink {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private final Path file;
    private final BufferedWriter out;
    private final CsvFormat format;
    private final boolean decimalComma;
    private long rows;

    private CsvTableSink(Path file, Charset charset, CsvFormat format, boolean decimalComma, List<String> header)
            throws IOException {
        this.file = file;
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        this.format = format;
        this.decimalComma = decimalComma;
        format.write(out, header);
    }

    static CsvTableSink english(Path file, InputTable table) throws IOException {
        return new CsvTableSink(file, StandardCharsets.UTF_8, CsvFormat.RFC_4180, false, table.header(false));
    }

    static CsvTableSink russian(Path file, InputTable table) throws IOException {
        return new CsvTableSink(file, WINDOWS_1251, CsvFormat.EXCEL_RU, true, table.header(true));
    }

    @Override
    public void row(Object... cells) throws IOException {
        writeLine(cells);
        rows++;
    }

    @Override
    public void totals(Object... cells) {
        // CSV files carry data rows only.
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void writeLine(Object[] cells) throws IOException {
        List<String> fields = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            fields.add(text(cell));
        }
        format.write(out, fields);
    }

    /** A cell as its flavour writes it: decimals with the flavour's mark, null as an empty field. */
    private String text(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof BigDecimal d) {
            String text = d.toPlainString();
            return decimalComma ? text.replace('.', ',') : text;
        }
        return cell.toString();
    }
}
