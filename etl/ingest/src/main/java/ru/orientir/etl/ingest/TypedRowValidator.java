package ru.orientir.etl.ingest;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

import ru.orientir.etl.ingest.source.SourceRecord;

/**
 * The shared shape of validation for the data kinds (results, context, staffing, risk survey, objectivity flags):
 * structure, totals rows, typed fields, a school known to the reference, and — for kinds small enough to hold their
 * keys in memory — no second row for the same key in this file or another active one. Every row comes out accepted
 * or rejected with its reason.
 */
public abstract class TypedRowValidator<T> implements ItemProcessor<SourceRecord, RowOutcome<T>>, ItemStream {
    /**
     * (school id, file) of every school any successful load of another file's reference named: the current versions
     * and the earlier ones kept as history, so a school missing from a newer reference (closed) keeps its past data.
     */
    public static final String KNOWN_SCHOOLS = "SELECT s.school_id, m.file FROM stg_schools s "
            + "JOIN meta_load m ON s.load_id = m.load_id WHERE m.status = 'loaded' AND m.file <> ?";

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

    /** Every school the row names, each of which must be in the reference (a plan's measure names several). */
    protected java.util.List<String> schoolIds(T row) {
        return java.util.List.of(schoolId(row));
    }

    /**
     * Where this kind's keys live, for kinds small enough to hold their keys in memory: the staging table and the SQL
     * expression (over alias t) that matches {@link #key}. Null when duplicates are found after loading instead.
     */
    protected KeyedBy keyedBy() {
        return null;
    }

    public record KeyedBy(String table, String keyExpression) {
        /** One row per school and year. */
        public static KeyedBy yearSchool(String table) {
            return new KeyedBy(table, "CAST(t.year AS VARCHAR) || '|' || t.school_id");
        }

        /** (key, file) of the rows in other files' active loads. */
        String ofOtherFiles() {
            return "SELECT " + keyExpression + ", a.file FROM " + table
                    + " t JOIN meta_active_load a ON t.load_id = a.load_id WHERE a.file <> ?";
        }

        /** (key, line) of this load's rows up to a line. */
        String ofThisLoad() {
            return "SELECT " + keyExpression + ", t.line FROM " + table + " t WHERE t.load_id = ? AND t.line <= ?";
        }
    }

    protected String key(T row) {
        return null;
    }

    /** The column that names the row's schools. */
    protected String schoolColumn() {
        return "school_id";
    }

    protected String duplicateReason(T row) {
        return "повтор строки с тем же ключом";
    }

    /** The raw text kept in quarantine (the results kind masks the participant id). */
    protected String quarantineRaw(SourceRecord record) {
        return record.raw();
    }

    @Override
    public void open(ExecutionContext context) {
        // The reference: every version of every school file (the file itself is never a school file here).
        knownSchools = load.keysOfOtherFiles(KNOWN_SCHOOLS).keySet();
        KeyedBy keys = keyedBy();
        if (keys != null) {
            otherFiles = load.keysOfOtherFiles(keys.ofOtherFiles());
            seen = load.keysOfThisLoad(keys.ofThisLoad(), StagingWriter.committedLine(context));
        }
    }

    @Override
    public RowOutcome<T> process(SourceRecord record) {
        String problem = FieldReader.structuralProblem(header, record);
        if (problem == null) {
            problem = FieldReader.totalsRow(header, record, true);
        }
        if (problem != null) {
            return new RowOutcome.Rejected<>(record.line(), null, problem, quarantineRaw(record));
        }
        try {
            T row = parse(new FieldReader(header, record));
            for (String id : schoolIds(row)) {
                if (!knownSchools.contains(id)) {
                    throw new FieldException(schoolColumn(), "код ОО «" + id + "» не найден в справочнике школ; "
                            + "загрузите файл школ с этим кодом или исправьте код");
                }
            }
            String key = key(row);
            if (key != null) {
                Long first = seen.get(key);
                if (first != null) {
                    throw new FieldException(schoolColumn(), duplicateReason(row) + ": уже в строке " + first);
                }
                String other = otherFiles.get(key);
                if (other != null) {
                    throw new FieldException(schoolColumn(), duplicateReason(row) + ": уже загружено из файла «" + other + "»");
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

    /** A calendar year that data can plausibly describe: 2000 up to next year. */
    public static int year(FieldReader f, String column) throws FieldException {
        return f.requiredInt(column, 2000, LATEST_YEAR);
    }
}
