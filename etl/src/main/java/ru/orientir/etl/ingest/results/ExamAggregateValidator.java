package ru.orientir.etl.ingest.results;

import ru.orientir.etl.ingest.FieldException;
import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.TypedRowValidator;

/** School-level aggregates: counts that add up to the participants, at most one row per school and procedure. */
public final class ExamAggregateValidator extends TypedRowValidator<ExamAggregateRow> {
    private static final int MAX_COUNT = 100_000;

    public ExamAggregateValidator(Header header, LoadContext load) {
        super(header, load);
    }

    @Override
    protected ExamAggregateRow parse(FieldReader f) throws FieldException {
        ProcedureFields p = ProcedureFields.parse(f);
        int participants = f.requiredInt("participants", 0, MAX_COUNT);
        int m2 = f.requiredInt("mark2", 0, MAX_COUNT);
        int m3 = f.requiredInt("mark3", 0, MAX_COUNT);
        int m4 = f.requiredInt("mark4", 0, MAX_COUNT);
        int m5 = f.requiredInt("mark5", 0, MAX_COUNT);
        if (m2 + m3 + m4 + m5 != participants) {
            throw new FieldException("participants", participants + " — не равно сумме отметок 2–5 ("
                    + (m2 + m3 + m4 + m5) + ")");
        }
        Integer belowMin = f.optionalInt("below_min", 0, participants);
        Double mean = f.optionalDecimal("mean_score", 0, p.procedure().maxScore());
        return new ExamAggregateRow(p.year(), p.procedure().label(), p.grade(), p.subject(), p.schoolId(), participants,
                m2, m3, m4, m5, belowMin, mean);
    }

    @Override
    protected String schoolId(ExamAggregateRow row) {
        return row.schoolId();
    }

    @Override
    protected String key(ExamAggregateRow r) {
        return r.year() + "|" + r.procedure() + "|" + r.grade() + "|" + r.subject() + "|" + r.schoolId();
    }

    private static final String KEY = "CAST(t.year AS VARCHAR) || '|' || t.procedure || '|' || CAST(t.grade AS VARCHAR) "
            + "|| '|' || t.subject || '|' || t.school_id";

    @Override
    protected KeyedBy keyedBy() {
        return new KeyedBy("stg_exam_aggregates", KEY);
    }

    @Override
    protected String duplicateReason(ExamAggregateRow r) {
        return "повтор: результаты " + r.procedure() + " " + r.grade() + " кл., «" + r.subject() + "», " + r.year()
                + " для этой школы";
    }
}
