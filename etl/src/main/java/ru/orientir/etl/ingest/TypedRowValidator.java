package ru.orientir.etl.ingest;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

import ru.orientir.etl.ingest.csv.CsvRecord;

/**
 * The shared shape of validation for the data kinds (results, context, staffing): structure, totals rows, typed
 * fields, a school known to the reference, and — for kinds small enough to hold their keys in memory — no second row
 * for the same key in this file or another active one. Every row comes out accepted or rejected with its reason.
 */
public abstract class TypedRowValidator<T> implements ItemProcessor<CsvRecord, RowOutcome<T>>, ItemStream {
    private static final String KNOWN_SCHOOLS = "SELECT s.school_id, a.file FROM stg_schools s "
            + "JOIN meta_active_load a ON s.load_id = a.load_id";

    protected final Header header;
    protected final LoadContext load;
    private Set<String> knownSchools = Set.of();
    private Map<String, String> otherFiles = Map.of();
    private Map<String, Long> seen = new HashMap<>();

    protected TypedRowValidator(Header header, LoadContext load) {
        this.header = header;
        this.load = load;
    }

    /** The typed row, or a FieldException naming the field at fault. */
    protected abstract T parse(FieldReader f) throws FieldException;

    protected abstract String schoolId(T row);

    /**
     * SQL selecting (key, file) of this kind's rows in other files' active loads, and (key, line) of this load's rows
     * up to a line; null when duplicates are found after loading instead (kinds too large to hold keys in memory).
     */
    protected String keysOfOtherFilesSql() {
        return null;
    }

    protected String keysOfThisLoadSql() {
        return null;
    }

    protected String key(T row) {
        return null;
    }

    protected String duplicateReason(T row) {
        return "повтор строки с тем же ключом";
    }

    /** The raw text kept in quarantine (the results kind masks the participant id). */
    protected String quarantineRaw(CsvRecord record) {
        return record.raw();
    }

    @Override
    public void open(ExecutionContext context) {
        // The reference comes from all active school files (the file itself is never a school file here).
        knownSchools = load.keysOfOtherFiles(KNOWN_SCHOOLS + " WHERE a.file <> ?").keySet();
        if (keysOfOtherFilesSql() != null) {
            otherFiles = load.keysOfOtherFiles(keysOfOtherFilesSql());
            seen = load.keysOfThisLoad(keysOfThisLoadSql(), StagingWriter.committedLine(context));
        }
    }

    @Override
    public RowOutcome<T> process(CsvRecord record) {
        String problem = FieldReader.structuralProblem(header, record);
        if (problem == null) {
            problem = FieldReader.totalsRow(header, record, true);
        }
        if (problem != null) {
            return new RowOutcome.Rejected<>(record.line(), null, problem, quarantineRaw(record));
        }
        try {
            T row = parse(new FieldReader(header, record));
            String id = schoolId(row);
            if (!knownSchools.contains(id)) {
                throw new FieldException("school_id", "код ОО «" + id + "» не найден в справочнике школ; "
                        + "загрузите файл школ с этим кодом или исправьте код");
            }
            String key = key(row);
            if (key != null) {
                Long first = seen.get(key);
                if (first != null) {
                    throw new FieldException("school_id", duplicateReason(row) + ": уже в строке " + first);
                }
                String other = otherFiles.get(key);
                if (other != null) {
                    throw new FieldException("school_id", duplicateReason(row) + ": уже загружено из файла «" + other + "»");
                }
                seen.put(key, record.line());
            }
            return new RowOutcome.Accepted<>(record.line(), row);
        } catch (FieldException e) {
            return new RowOutcome.Rejected<>(record.line(), e.field(),
                    "поле «" + header.label(e.field()) + "»: " + e.reason(), quarantineRaw(record));
        }
    }

    private static final int LATEST_YEAR = Year.now(ZoneOffset.UTC).getValue() + 1;

    /** Keys "year|school_id" of a staging table: of other files' active loads (with the file), or of this load (with the line). */
    protected static String yearSchoolKeys(String table, boolean ofOtherFiles) {
        String key = "CAST(t.year AS VARCHAR) || '|' || t.school_id";
        return ofOtherFiles
                ? "SELECT " + key + ", a.file FROM " + table + " t JOIN meta_active_load a ON t.load_id = a.load_id WHERE a.file <> ?"
                : "SELECT " + key + ", t.line FROM " + table + " t WHERE t.load_id = ? AND t.line <= ?";
    }

    /** A calendar year that data can plausibly describe: 2000 up to next year. */
    public static int year(FieldReader f, String column) throws FieldException {
        return f.requiredInt(column, 2000, LATEST_YEAR);
    }
}
