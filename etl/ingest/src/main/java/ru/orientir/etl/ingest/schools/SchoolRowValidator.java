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
import ru.orientir.etl.ingest.source.SourceRecord;

/**
 * Validates a row of the school reference: an id, a name and a municipality, and an id not already given to another
 * school in this file or in another active school file. The optional {@code opened} / {@code closed} columns (год
 * открытия; год закрытия, ликвидация, реорганизация) hold a year, or a date whose year is taken (31.08.2023,
 * 2023-08-31), between 1800 and next year, and a school cannot close before it opened.
 *
 * <p>A newer reference is a new version of the same file (the same file name): the old version's rows stay in staging
 * as history, and a school missing from the new version is closed from then on (see {@code sql/snapshot/schools.sql}).
 */
public final class SchoolRowValidator implements ItemProcessor<SourceRecord, RowOutcome<SchoolRow>>, ItemStream {
    private static final Set<String> REQUIRED = Set.of("school_id", "name", "municipality");
    /** Columns stored in their own staging columns; every other column is kept in extra_json. */
    private static final Set<String> STORED = Set.of("school_id", "name", "school_name", "municipality", "opened", "closed");
    private static final int EARLIEST_YEAR = 1800;
    private static final int LATEST_YEAR = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
    private static final java.util.regex.Pattern DATE_DMY = java.util.regex.Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.(\\d{4})(\\s*г\\.?)?");
    private static final java.util.regex.Pattern DATE_ISO = java.util.regex.Pattern.compile("(\\d{4})-\\d{1,2}-\\d{1,2}");
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(\\d{4})(\\.0+)?(\\s*(г\\.?|год))?");
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
    public RowOutcome<SchoolRow> process(SourceRecord record) {
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
            return RowOutcome.rejectField(record, "school_id", "код ОО «" + id + "» уже загружен из файла «" + otherFile
                    + "»; новую версию справочника загружайте под тем же именем файла («" + otherFile
                    + "»): школы, которых в ней нет, будут считаться закрытыми");
        }
        Integer opened;
        Integer closed;
        try {
            opened = year(f, "opened");
            closed = year(f, "closed");
        } catch (ru.orientir.etl.ingest.FieldException e) {
            return new RowOutcome.Rejected<>(record.line(), e.field(),
                    "поле «" + header.label(e.field()) + "»: " + e.reason(), record.raw());
        }
        if (opened != null && closed != null && closed < opened) {
            return new RowOutcome.Rejected<>(record.line(), "closed", "поле «" + header.label("closed") + "»: " + closed
                    + " — раньше года открытия (" + opened + "); школа не может закрыться до открытия", record.raw());
        }
        seen.put(id, record.line());
        return new RowOutcome.Accepted<>(record.line(),
                new SchoolRow(id, name, f.get("municipality"), extraColumns(f), opened, closed));
    }

    /** A year as written (2023, «2023 г.», 2023.0) or the year of a date (31.08.2023, 2023-08-31); null when empty. */
    static Integer year(FieldReader f, String column) throws ru.orientir.etl.ingest.FieldException {
        String text = f.get(column);
        if (text.isEmpty()) {
            return null;
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m;
        String digits = null;
        if ((m = YEAR.matcher(t)).matches() || (m = DATE_DMY.matcher(t)).matches() || (m = DATE_ISO.matcher(t)).matches()) {
            digits = m.group(1);
        }
        if (digits == null) {
            throw new ru.orientir.etl.ingest.FieldException(column, "«" + text + "» — не год (ожидается год, например 2023, "
                    + "или дата, например 31.08.2023)");
        }
        int year = Integer.parseInt(digits);
        if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
            throw new ru.orientir.etl.ingest.FieldException(column, text + " — вне допустимого диапазона лет "
                    + EARLIEST_YEAR + "–" + LATEST_YEAR);
        }
        return year;
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
