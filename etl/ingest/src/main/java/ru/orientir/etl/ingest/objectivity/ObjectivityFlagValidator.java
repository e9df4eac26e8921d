package ru.orientir.etl.ingest.objectivity;

import ru.orientir.etl.ingest.FieldException;
import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.TypedRowValidator;

/** ФИОКО's objectivity flags: a plausible year, a known school, an optional note; one row per school and year. */
public final class ObjectivityFlagValidator extends TypedRowValidator<ObjectivityFlagRow> {

    public ObjectivityFlagValidator(Header header, LoadContext load) {
        super(header, load);
    }

    @Override
    protected ObjectivityFlagRow parse(FieldReader f) throws FieldException {
        int year = year(f, "year");
        String school = f.requiredText("school_id");
        String note = f.get("note");
        return new ObjectivityFlagRow(year, school, note.isEmpty() ? null : note);
    }

    @Override
    protected String schoolId(ObjectivityFlagRow row) {
        return row.schoolId();
    }

    @Override
    protected String key(ObjectivityFlagRow r) {
        return r.year() + "|" + r.schoolId();
    }

    @Override
    protected KeyedBy keyedBy() {
        return KeyedBy.yearSchool("stg_objectivity_flags");
    }

    @Override
    protected String duplicateReason(ObjectivityFlagRow r) {
        return "повтор: школа «" + r.schoolId() + "» уже в перечне с признаками необъективности за " + r.year() + " год";
    }
}
