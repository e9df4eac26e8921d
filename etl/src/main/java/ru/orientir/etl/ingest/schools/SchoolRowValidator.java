package ru.orientir.etl.ingest.schools;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.RowOutcome;
import ru.orientir.etl.ingest.StagingWriter;
import ru.orientir.etl.ingest.csv.CsvRecord;

/**
 * Validates a row of the school reference: an id, a name and a municipality, and an id not already given to another
 * school in this file or in another active school file.
 */
public final class SchoolRowValidator implements ItemProcessor<CsvRecord, RowOutcome<SchoolRow>>, ItemStream {
    private static final Set<String> REQUIRED = Set.of("school_id", "name", "municipality");
    /** Columns stored in their own staging columns; every other column is kept in extra_json. */
    private static final Set<String> STORED = Set.of("school_id", "name", "school_name", "municipality");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Header header;
    private final LoadContext load;
    private Map<String, String> otherFiles = Map.of();
    private Map<String, Long> seen = new java.util.HashMap<>();

    public SchoolRowValidator(Header header, LoadContext load) {
        this.header = header;
        this.load = load;
    }

    @Override
    public void open(ExecutionContext context) {
        otherFiles = load.keysOfOtherFiles("SELECT s.school_id, a.file FROM stg_schools s "
                + "JOIN meta_active_load a ON s.load_id = a.load_id WHERE a.file <> ?");
        long committed = StagingWriter.committedLine(context);
        seen = load.keysOfThisLoad("SELECT school_id, line FROM stg_schools WHERE load_id = ? AND line <= ?", committed);
    }

    @Override
    public RowOutcome<SchoolRow> process(CsvRecord record) {
        String problem = FieldReader.structuralProblem(header, record);
        if (problem != null) {
            return new RowOutcome.Rejected<>(record.line(), null, problem, record.raw());
        }
        FieldReader f = new FieldReader(header, record);
        String name = header.has("name") ? f.get("name") : f.get("school_name");
        for (String column : REQUIRED) {
            if (("name".equals(column) ? name : f.get(column)).isEmpty()) {
                return RowOutcome.rejectField(record, column, "пустое значение — поле обязательно");
            }
        }
        String id = f.get("school_id");
        Long firstLine = seen.get(id);
        if (firstLine != null) {
            return RowOutcome.rejectField(record, "school_id", "код ОО «" + id + "» повторяется: уже указан в строке " + firstLine);
        }
        String otherFile = otherFiles.get(id);
        if (otherFile != null) {
            return RowOutcome.rejectField(record, "school_id", "код ОО «" + id + "» уже загружен из файла «" + otherFile + "»");
        }
        seen.put(id, record.line());
        return new RowOutcome.Accepted<>(record.line(),
                new SchoolRow(id, name, f.get("municipality"), extraColumns(f)));
    }

    private String extraColumns(FieldReader f) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String canonical = header.canonicalAt(i);
            if (canonical == null || !STORED.contains(canonical)) {
                extra.put(header.names().get(i), f.fields().get(i).strip());
            }
        }
        try {
            return JSON.writeValueAsString(extra);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise extra columns", e);
        }
    }
}
