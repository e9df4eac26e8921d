package ru.orientir.etl.ingest.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one CSV writer of Orientir (RFC 4180), used by the exporter, the region generator and the raw text kept with a
 * quarantined XLSX or results row; {@link CsvParser} reads back exactly what it writes.
 *
 * <p>A field is quoted only when it holds the separator, a double quote, CR or LF, and quotes inside it are doubled,
 * so plain Russian text stays readable in any editor. {@code null} is an empty field. A record of one empty field is
 * written as {@code ""}, so that a reader does not take it for a blank line (Python's csv module makes the same
 * choice). Cells are written as given: guarding text against spreadsheet formulas is the exporter's business.
 *
 * @param lineEnd what ends each record
 */
public record CsvFormat(char separator, String lineEnd) {
    /** Comma, LF: the exports and the generator's {@code csv} flavour. */
    public static final CsvFormat RFC_4180 = new CsvFormat(',', "\n");
    /** Semicolon, CRLF: as a Russian Excel saves «CSV (разделители — точка с запятой)». */
    public static final CsvFormat EXCEL_RU = new CsvFormat(';', "\r\n");

    public CsvFormat {
        if (separator == '"' || separator == '\r' || separator == '\n') {
            throw new IllegalArgumentException("separator cannot be a quote or a line break");
        }
    }

    /** Writes one record and its line end. */
    public void write(Appendable out, List<String> fields) throws IOException {
        append(out, fields);
        out.append(lineEnd);
    }

    /** One record as text, without the line end. */
    public String line(List<String> fields) {
        StringBuilder s = new StringBuilder();
        try {
            append(s, fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return s.toString();
    }

    private void append(Appendable out, List<String> fields) throws IOException {
        int size = fields.size();
        if (size == 1 && (fields.get(0) == null || fields.get(0).isEmpty())) {
            out.append("\"\"");
            return;
        }
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(separator);
            }
            String field = fields.get(i);
            if (field == null || field.isEmpty()) {
                continue;
            }
            if (needsQuoting(field)) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
    }

    private boolean needsQuoting(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == separator || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
