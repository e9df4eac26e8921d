package ru.orientir.etl.ingest.results;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import ru.orientir.etl.ingest.FieldException;
import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.TypedRowValidator;
import ru.orientir.etl.ingest.csv.CsvRecord;

/**
 * Student-level results: procedure and grade consistent, mark 2–5 and/or a score within the procedure's scale,
 * a known school, and the participant id replaced by its pseudonym — in staging and in the quarantine's raw text.
 * Duplicates (the same participant twice in one procedure) are too many to track in memory at national scale; the
 * load's final step finds them in the warehouse and moves them to quarantine.
 */
public final class ExamResultValidator extends TypedRowValidator<ExamResultRow> {
    private final Pseudonymizer pseudonyms;

    public ExamResultValidator(Header header, LoadContext load, Pseudonymizer pseudonyms) {
        super(header, load);
        this.pseudonyms = pseudonyms;
    }

    @Override
    protected ExamResultRow parse(FieldReader f) throws FieldException {
        ProcedureFields p = ProcedureFields.parse(f);
        String participant = f.requiredText("participant_id");
        Integer mark = f.optionalInt("mark", 2, 5);
        Double score = f.optionalDecimal("score", 0, p.procedure().maxScore());
        if (mark == null && score == null) {
            throw new FieldException("mark", "нет ни отметки, ни балла — нужен хотя бы один из них");
        }
        return new ExamResultRow(p.year(), p.procedure().label(), p.grade(), p.subject(), p.schoolId(),
                pseudonyms.pseudonym(participant), mark, score);
    }

    @Override
    protected String schoolId(ExamResultRow row) {
        return row.schoolId();
    }

    /** The row as read, with the participant id replaced by its pseudonym; unparseable rows are not kept verbatim. */
    @Override
    protected String quarantineRaw(CsvRecord record) {
        OptionalInt p = header.position("participant_id");
        if (p.isEmpty() || record.fields().size() != header.size()) {
            return "(строка не сохранена: она может содержать код участника; см. исходный файл, строка " + record.line() + ")";
        }
        List<String> fields = new ArrayList<>(record.fields());
        String id = fields.get(p.getAsInt()).strip();
        fields.set(p.getAsInt(), id.isEmpty() ? "" : "#" + pseudonyms.pseudonym(id));
        return csvLine(fields);
    }

    static String csvLine(List<String> fields) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String v = fields.get(i);
            if (i > 0) {
                s.append(',');
            }
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                s.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                s.append(v);
            }
        }
        return s.toString();
    }
}
