package ru.orientir.etl.ingest;

import java.util.List;
import java.util.OptionalInt;

import ru.orientir.etl.ingest.csv.CsvRecord;

/** Reads named fields of one record; a missing optional column reads as empty. */
public final class FieldReader {
    private final Header header;
    private final CsvRecord record;

    public FieldReader(Header header, CsvRecord record) {
        this.header = header;
        this.record = record;
    }

    public String get(String column) {
        OptionalInt p = header.position(column);
        if (p.isEmpty() || p.getAsInt() >= record.fields().size()) {
            return "";
        }
        return record.fields().get(p.getAsInt()).strip();
    }

    public List<String> fields() {
        return record.fields();
    }

    /**
     * The reason a record cannot be read at all (parse error, blank line, wrong field count), or null.
     */
    public static String structuralProblem(Header header, CsvRecord record) {
        if (record.error() != null) {
            return record.error();
        }
        if (record.isBlank()) {
            return "пустая строка";
        }
        if (record.fields().size() != header.size()) {
            return "число полей (" + record.fields().size() + ") не совпадает с заголовком (" + header.size()
                    + "); проверьте разделители и кавычки";
        }
        return null;
    }
}
