package ru.orientir.etl.ingest.lists;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.RowOutcome;
import ru.orientir.etl.ingest.StagingWriter;
import ru.orientir.etl.ingest.source.SourceRecord;

/**
 * Validates a row of an official list: a plausible list year, a school known to the reference, and no second entry
 * for the same school and list year (in this file or another active one).
 */
public final class OfficialListRowValidator implements ItemProcessor<SourceRecord, RowOutcome<OfficialListRow>>, ItemStream {
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private final Header header;
    private final LoadContext load;
    private Set<String> knownSchools = Set.of();
    private Map<String, String> otherFiles = Map.of();
    private Map<String, Long> seen = new HashMap<>();

    public OfficialListRowValidator(Header header, LoadContext load) {
        this.header = header;
        this.load = load;
    }

    @Override
    public void open(ExecutionContext context) {
        knownSchools = load.keysOfOtherFiles(ru.orientir.etl.ingest.TypedRowValidator.KNOWN_SCHOOLS).keySet();
        otherFiles = load.keysOfOtherFiles("SELECT CAST(l.list_year AS VARCHAR) || '|' || l.school_id, a.file "
                + "FROM stg_official_list l JOIN meta_active_load a ON l.load_id = a.load_id WHERE a.file <> ?");
        long committed = StagingWriter.committedLine(context);
        seen = load.keysOfThisLoad("SELECT CAST(list_year AS VARCHAR) || '|' || school_id, line FROM stg_official_list "
                + "WHERE load_id = ? AND line <= ?", committed);
    }

    @Override
    public RowOutcome<OfficialListRow> process(SourceRecord record) {
        String problem = FieldReader.structuralProblem(header, record);
        if (problem != null) {
            return new RowOutcome.Rejected<>(record.line(), null, problem, record.raw());
        }
        FieldReader f = new FieldReader(header, record);
        String yearText = f.get("list_year");
        if (yearText.isEmpty()) {
            return RowOutcome.rejectField(record, "list_year", "пустое значение — укажите год списка, например 2024");
        }
        int year;
        try {
            year = Integer.parseInt(yearText);
        } catch (NumberFormatException e) {
            return RowOutcome.rejectField(record, "list_year", "«" + yearText + "» — не число (ожидается год списка, например 2024)");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return RowOutcome.rejectField(record, "list_year", year + " — вне допустимого диапазона " + MIN_YEAR + "–" + MAX_YEAR);
        }
        String id = f.get("school_id");
        if (id.isEmpty()) {
            return RowOutcome.rejectField(record, "school_id", "пустое значение — укажите код ОО");
        }
        if (!knownSchools.contains(id)) {
            return RowOutcome.rejectField(record, "school_id", "код ОО «" + id + "» не найден в справочнике школ; "
                    + "загрузите файл школ с этим кодом или исправьте код");
        }
        String key = year + "|" + id;
        Long firstLine = seen.get(key);
        if (firstLine != null) {
            return RowOutcome.rejectField(record, "school_id", "школа «" + id + "» уже указана в списке " + year + " года в строке " + firstLine);
        }
        String otherFile = otherFiles.get(key);
        if (otherFile != null) {
            return RowOutcome.rejectField(record, "school_id", "школа «" + id + "» уже указана в списке " + year + " года в файле «"
                    + otherFile + "»");
        }
        seen.put(key, record.line());
        String reason = f.get("reason");
        return new RowOutcome.Accepted<>(record.line(), new OfficialListRow(year, id, reason.isEmpty() ? null : reason));
    }
}
