package ru.orientir.etl.ingest.results;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import ru.orientir.etl.ingest.FieldException;
import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.TypedRowValidator;
import ru.orientir.etl.ingest.source.CsvFormat;
import ru.orientir.etl.ingest.source.SourceRecord;

/**
 * Student-level results: procedure and grade consistent, mark 2–5 and/or a score within the procedure's scale,
 * a known school, and the participant id replaced by its pseudonym — in staging and in the quarantine's raw text.
 * Duplicates (the same participant twice in one procedure) are too many to track in memory at national scale; the
 * load's final step finds them in the warehouse and moves them to quarantine.
 *
 * <p>A ВПР or ОГЭ row with a score and no mark gets its outcome from the configured mark-2 bound ({@link Mark2Bounds}):
 * mark 2 at a score up to the bound, «не 2» (mark empty, the bound stored) above it. Without a bound for its year,
 * procedure, grade and subject it is quarantined, saying what to configure: it is never counted without a mark.
 */
public final class ExamResultValidator extends TypedRowValidator<ExamResultRow> {
    private final Pseudonymizer pseudonyms;
    private final Mark2Bounds bounds;

    public ExamResultValidator(Header header, LoadContext load, Pseudonymizer pseudonyms) {
        this(header, load, pseudonyms, Mark2Bounds.NONE);
    }

    public ExamResultValidator(Header header, LoadContext load, Pseudonymizer pseudonyms, Mark2Bounds bounds) {
        super(header, load);
        this.pseudonyms = pseudonyms;
        this.bounds = bounds;
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
        Double bound = null;
        if (mark == null && p.procedure() != Procedure.EGE) {
            Mark2Bounds.Bound b = bounds.find(p.year(), p.procedure().label(), p.grade(), p.subject());
            if (b == null) {
                throw new FieldException("mark", "пустое значение, а балл " + FieldReaderText.number(score)
                        + " не переводится в отметку: не задана граница отметки «2» для " + p.procedure().label() + " "
                        + p.grade() + " кл., «" + p.subject() + "», " + p.year() + " — укажите отметку в файле или "
                        + "задайте границу в orientir.yml: ingest.mark2-bounds: [{year: " + p.year() + ", procedure: "
                        + p.procedure().label() + ", grade: " + p.grade() + ", subject: " + p.subject()
                        + ", max-score-for-2: …}]");
            }
            bound = b.maxScoreFor2();
            mark = score <= bound ? Integer.valueOf(2) : null;
        }
        return new ExamResultRow(p.year(), p.procedure().label(), p.grade(), p.subject(), p.schoolId(),
                pseudonyms.pseudonym(participant), mark, score, bound);
    }

    @Override
    protected String schoolId(ExamResultRow row) {
        return row.schoolId();
    }

    /** The row as read, with the participant id replaced by its pseudonym; unparseable rows are not kept verbatim. */
    @Override
    protected String quarantineRaw(SourceRecord record) {
        OptionalInt p = header.position("participant_id");
        if (p.isEmpty() || record.fields().size() != header.size()) {
            return "(строка не сохранена: она может содержать код участника; см. исходный файл, строка " + record.line() + ")";
        }
        List<String> fields = new ArrayList<>(record.fields());
        String id = fields.get(p.getAsInt()).strip();
        fields.set(p.getAsInt(), id.isEmpty() ? "" : "#" + pseudonyms.pseudonym(id));
        return CsvFormat.RFC_4180.line(fields);
    }

    /** Numbers as a user wrote them: 12, 14.5. */
    private static final class FieldReaderText {
        static String number(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
