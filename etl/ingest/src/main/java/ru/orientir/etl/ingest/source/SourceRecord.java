package ru.orientir.etl.ingest.source;

import java.util.List;

/**
 * One record of a delimited file: where it starts (1-based physical line), its fields, its original text, and a
 * parse error in Russian when the record is malformed (the fields are then unreliable).
 */
public record SourceRecord(long line, List<String> fields, String raw, String error) {
    public SourceRecord {
        fields = List.copyOf(fields);
    }

    public boolean isBlank() {
        return error == null && fields.size() == 1 && fields.get(0).isBlank();
    }
}
