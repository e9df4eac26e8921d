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
import java.util.List;

/**
 * Writes a table as delimited text: the {@code csv} flavour (UTF-8, comma, dot decimals,
 * LF, English header — the same rules as {@link ru.orientir.jobs.csv.CsvWriter}) or the
 * {@code csv-ru} flavour (windows-1251, semicolon, decimal comma, CRLF, Russian header), as
 * a Russian Excel saves «CSV (разделители — точка с запятой)». A field is quoted only when
 * it contains the separator, a quote or a line break. A character the charset cannot encode
 * is an error, never a silent «?».
 */
final class CsvTableSink implements TableSink {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private final Path file;
    private final BufferedWriter out;
    private final char separator;
    private final boolean decimalComma;
    private final String lineEnd;
    private long rows;

    private CsvTableSink(Path file, Charset charset, char separator, boolean decimalComma, String lineEnd,
            List<String> header) throws IOException {
        this.file = file;
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        this.separator = separator;
        this.decimalComma = decimalComma;
        this.lineEnd = lineEnd;
        writeLine(header.toArray());
    }

    static CsvTableSink english(Path file, InputTable table) throws IOException {
        return new CsvTableSink(file, StandardCharsets.UTF_8, ',', false, "\n", table.header(false));
    }

    static CsvTableSink russian(Path file, InputTable table) throws IOException {
        return new CsvTableSink(file, WINDOWS_1251, ';', true, "\r\n", table.header(true));
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
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(separator);
            }
            write(cells[i]);
        }
        out.write(lineEnd);
    }

    private void write(Object cell) throws IOException {
        if (cell == null) {
            return;
        }
        if (cell instanceof BigDecimal d) {
            String text = d.toPlainString();
            out.write(decimalComma ? text.replace('.', ',') : text);
        } else if (cell instanceof String s) {
            writeText(s);
        } else {
            out.write(cell.toString());
        }
    }

    private void writeText(String s) throws IOException {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == separator || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(s);
            return;
        }
        out.write('"');
        out.write(s.replace("\"", "\"\""));
        out.write('"');
    }
}
