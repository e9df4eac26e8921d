package ru.orientir.etl.ingest.staffing;

import ru.orientir.etl.ingest.FieldException;
import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.TypedRowValidator;

/** Staffing: counts that fit inside each other (teachers ≤ staff; pension age, untrained ≤ teachers), one row per school-year. */
public final class StaffingValidator extends TypedRowValidator<StaffingRow> {
    private static final int MAX = 100_000;

    public StaffingValidator(Header header, LoadContext load) {
        super(header, load);
    }

    @Override
    protected StaffingRow parse(FieldReader f) throws FieldException {
        int year = year(f, "year");
        String school = f.requiredText("school_id");
        String name = f.get("school_name");
        Integer students = f.optionalInt("students", 0, MAX);
        int staff = f.requiredInt("staff", 0, MAX);
        int teachers = f.requiredInt("teachers", 0, MAX);
        if (teachers > staff) {
            throw new FieldException("teachers", teachers + " — учителей больше, чем педагогических работников (" + staff + ")");
        }
        Integer vacancies = f.optionalInt("vacancies", 0, MAX);
        Integer pension = f.optionalInt("teachers_pension_age", 0, teachers);
        Integer untrained = f.optionalInt("teachers_without_training", 0, teachers);
        Double load = f.optionalDecimal("avg_load", 0, 60);
        Boolean headChanged = f.optionalYesNo("head_changed");
        return new StaffingRow(year, school, name.isEmpty() ? null : name, students, staff, teachers, vacancies, pension,
                untrained, load, headChanged);
    }

    @Override
    protected String schoolId(StaffingRow row) {
        return row.schoolId();
    }

    @Override
    protected String key(StaffingRow r) {
        return r.year() + "|" + r.schoolId();
    }

    @Override
    protected KeyedBy keyedBy() {
        return KeyedBy.yearSchool("stg_staffing");
    }

    @Override
    protected String duplicateReason(StaffingRow r) {
        return "повтор: кадры школы «" + r.schoolId() + "» за " + r.year() + " год";
    }
}
