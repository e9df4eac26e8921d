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
 *
 * <p>The optional {@code as_of_year} column (по состоянию на год, год справочника) says from which year a row
 * describes the school (its name and municipality that year: districts merge into округа). With it, a school may have
 * one row per year, in one multi-year file or in one file per year; the same school and year twice is a duplicate.
 * A school's rows are either all dated or one undated row (today's references): an undated row says nothing about
 * the years, so mixing the two for one school, in a file or across current files, is refused with what to do.
 */
public final class SchoolRowValidator implements ItemProcessor<SourceRecord, RowOutcome<SchoolRow>>, ItemStream {
    private static final Set<String> REQUIRED = Set.of("school_id", "name", "municipality");
    /** Columns stored in their own staging columns; every other column is kept in extra_json. */
    private static final Set<String> STORED = Set.of("school_id", "name", "school_name", "municipality", "opened", "closed",
            "as_of_year", "region");
    /**
     * A row's key: school id and reference year, 0 for an undated row (no year is 0: years start at 1800). The same
     * expression in SQL reads the keys already in staging, on DuckDB and ClickHouse alike.
     */
    private static final String KEY_SQL = "s.school_id || '|' || CAST(coalesce(s.as_of_year, 0) AS VARCHAR)";
    private static final int UNDATED = 0;
    private static final int EARLIEST_YEAR = 1800;
    private static final int LATEST_YEAR = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
    private static final java.util.regex.Pattern DATE_DMY = java.util.regex.Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.(\\d{4})(\\s*г\\.?)?");
    private static final java.util.regex.Pattern DATE_ISO = java.util.regex.Pattern.compile("(\\d{4})-\\d{1,2}-\\d{1,2}");
    private static final java.util.regex.Pattern REGION_CODE = java.util.regex.Pattern.compile("(\\d{1,2})(\\.0+)?");
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(\\d{4})(\\.0+)?(\\s*(г\\.?|год))?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Header header;
    private final LoadContext load;
    /** Key (school|year) → the other current reference file that has it. */
    private Map<String, String> otherFiles = Map.of();
    /** School → a file among them, whatever the year. */
    private Map<String, String> otherFilesBySchool = Map.of();
    /** Key (school|year) → line, and school → its first line, in this file. */
    private Map<String, Long> seen = new java.util.HashMap<>();
    private Map<String, Long> seenSchools = new java.util.HashMap<>();

    public SchoolRowValidator(Header header, LoadContext load) {
        this.header = header;
        this.load = load;
    }

    @Override
    public void open(ExecutionContext context) {
        otherFiles = load.keysOfOtherFiles("SELECT " + KEY_SQL + ", a.file FROM stg_schools s "
                + "JOIN meta_active_load a ON s.load_id = a.load_id WHERE a.file <> ?");
        otherFilesBySchool = new java.util.HashMap<>();
        // the first file by name, so that the message names the same file on every run
        otherFiles.forEach((key, file) -> otherFilesBySchool.merge(school(key), file,
                (a, b) -> a.compareTo(b) <= 0 ? a : b));
        long committed = StagingWriter.committedLine(context);
        seen = load.keysOfThisLoad("SELECT " + KEY_SQL + ", s.line FROM stg_schools s WHERE s.load_id = ? AND s.line <= ?",
                committed);
        seenSchools = new java.util.HashMap<>();
        seen.forEach((key, line) -> seenSchools.merge(school(key), line, Math::min));
    }

    private static String key(String schoolId, Integer asOfYear) {
        return schoolId + "|" + (asOfYear == null ? UNDATED : asOfYear);
    }

    private static String school(String key) {
        return key.substring(0, key.lastIndexOf('|'));
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
        Integer opened;
        Integer closed;
        Integer asOfYear;
        String region;
        try {
            opened = year(f, "opened");
            closed = year(f, "closed");
            asOfYear = year(f, "as_of_year");
            region = region(f);
        } catch (ru.orientir.etl.ingest.FieldException e) {
            return new RowOutcome.Rejected<>(record.line(), e.field(),
                    "поле «" + header.label(e.field()) + "»: " + e.reason(), record.raw());
        }
        String duplicate = asOfYear == null ? undatedDuplicate(id) : datedDuplicate(id, asOfYear);
        if (duplicate != null) {
            return RowOutcome.rejectField(record, "school_id", duplicate);
        }
        if (opened != null && closed != null && closed < opened) {
            return new RowOutcome.Rejected<>(record.line(), "closed", "поле «" + header.label("closed") + "»: " + closed
                    + " — раньше года открытия (" + opened + "); школа не может закрыться до открытия", record.raw());
        }
        seen.put(key(id, asOfYear), record.line());
        seenSchools.putIfAbsent(id, record.line());
        return new RowOutcome.Accepted<>(record.line(),
                new SchoolRow(id, name, f.get("municipality"), extraColumns(f), opened, closed, asOfYear,
                        region));
    }

    /** Why an undated row cannot load (the school already has a row here or in another current file), or null. */
    private String undatedDuplicate(String id) {
        Long firstLine = seenSchools.get(id);
        if (firstLine != null) {
            return "код ОО «" + id + "» повторяется: уже указан в строке " + firstLine;
        }
        String otherFile = otherFilesBySchool.get(id);
        if (otherFile != null) {
            return "код ОО «" + id + "» уже загружен из файла «" + otherFile
                    + "»; новую версию справочника загружайте под тем же именем файла («" + otherFile
                    + "»): школы, которых в ней нет, будут считаться закрытыми";
        }
        return null;
    }

    /** Why a row of the given reference year cannot load, or null. */
    private String datedDuplicate(String id, int asOfYear) {
        String label = header.label("as_of_year");
        Long sameYear = seen.get(key(id, asOfYear));
        if (sameYear != null) {
            return "код ОО «" + id + "» на " + asOfYear + " год (столбец «" + label + "») повторяется: уже указан в "
                    + "строке " + sameYear;
        }
        Long undated = seen.get(key(id, null));
        if (undated != null) {
            return "код ОО «" + id + "» уже указан в строке " + undated + " без года (столбец «" + label + "» пуст): "
                    + "у одной школы либо все строки с годом, либо одна строка без года";
        }
        String otherFile = otherFiles.get(key(id, asOfYear));
        if (otherFile != null) {
            return "код ОО «" + id + "» на " + asOfYear + " год уже загружен из файла «" + otherFile
                    + "»; исправленную строку загружайте в новой версии этого файла (под тем же именем «" + otherFile
                    + "»)";
        }
        String undatedFile = otherFiles.get(key(id, null));
        if (undatedFile != null) {
            return "код ОО «" + id + "» уже загружен из файла «" + undatedFile + "» без года справочника: строка без "
                    + "года не говорит, к каким годам она относится; загрузите новую версию «" + undatedFile
                    + "» (под тем же именем) со столбцом «год справочника»";
        }
        return null;
    }

    /**
     * The code of the subject of the Russian Federation as two digits (7, «07», 7.0 → «07»), or null when the column
     * is absent or empty (the school then belongs to the installation's one region). A name instead of a code is
     * refused: regions spell names differently, and the federal dashboard compares regions by code.
     */
    static String region(FieldReader f) throws ru.orientir.etl.ingest.FieldException {
        String text = f.get("region");
        if (text.isEmpty()) {
            return null;
        }
        java.util.regex.Matcher m = REGION_CODE.matcher(text.strip());
        int code = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        if (code < 1) {
            throw new ru.orientir.etl.ingest.FieldException("region", "«" + text + "» — не код субъекта РФ: укажите "
                    + "код от 01 до 99 (например, 69 для Тверской области)");
        }
        return String.format(java.util.Locale.ROOT, "%02d", code);
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
