package ru.orientir.etl.ingest.results;

import ru.orientir.etl.ingest.FieldException;
import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.TypedRowValidator;

/**
 * School-level aggregates: counts that add up to the participants, at most one row per school and procedure.
 *
 * <p>ВПР and ОГЭ rows give all four counts of marks 2–5. An ЕГЭ row gives them all, or none of them and then the
 * count below the minimum score ({@code below_min}, optionally the mean score): ЕГЭ has scores, not marks. Some marks
 * given and others left empty is a mistake in any procedure, quarantined naming the first empty one. A row with no
 * participants (every count 0) loads: it says the school had nobody in that procedure.
 */
public final class ExamAggregateValidator extends TypedRowValidator<ExamAggregateRow> {
    private static final int MAX_COUNT = 100_000;
    private static final String[] MARKS = {"mark2", "mark3", "mark4", "mark5"};

    public ExamAggregateValidator(Header header, LoadContext load) {
        super(header, load);
    }

    @Override
    protected ExamAggregateRow parse(FieldReader f) throws FieldException {
        ProcedureFields p = ProcedureFields.parse(f);
        int participants = f.requiredInt("participants", 0, MAX_COUNT);
        Integer[] marks = new Integer[MARKS.length];
        String firstEmpty = null;
        int given = 0;
        for (int i = 0; i < MARKS.length; i++) {
            marks[i] = f.optionalInt(MARKS[i], 0, MAX_COUNT);
            if (marks[i] == null) {
                firstEmpty = firstEmpty == null ? MARKS[i] : firstEmpty;
            } else {
                given++;
            }
        }
        boolean ege = p.procedure() == Procedure.EGE;
        if (given > 0 && given < MARKS.length) {
            throw new FieldException(firstEmpty, "пустое значение при заполненных других отметках — отметки 2–5 "
                    + "указываются все (или, для ЕГЭ, ни одной: тогда нужен столбец «ниже минимума»)");
        }
        if (given == 0 && !ege) {
            throw new FieldException("mark2", (header.has("mark2") ? "пустое значение" : "нет столбца в файле")
                    + " — для " + p.procedure().label() + " нужны количества отметок 2–5 (без отметок допускаются "
                    + "только строки ЕГЭ)");
        }
        if (given == MARKS.length) {
            int sum = marks[0] + marks[1] + marks[2] + marks[3];
            if (sum != participants) {
                throw new FieldException("participants", participants + " — не равно сумме отметок 2–5 (" + sum + ")");
            }
        }
        Integer belowMin = f.optionalInt("below_min", 0, participants);
        if (given == 0 && belowMin == null) {
            throw new FieldException("below_min", (header.has("below_min") ? "пустое значение" : "нет столбца в файле")
                    + " — строка ЕГЭ без отметок 2–5 должна указать, сколько участников не набрали минимальный балл");
        }
        Double mean = f.optionalDecimal("mean_score", 0, p.procedure().maxScore());
        return new ExamAggregateRow(p.year(), p.procedure().label(), p.grade(), p.subject(), p.schoolId(), participants,
                marks[0], marks[1], marks[2], marks[3], belowMin, mean);
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
