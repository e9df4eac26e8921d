package ru.orientir.etl.ingest.results;

import ru.orientir.etl.ingest.FieldException;
import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.TypedRowValidator;

/** What identifies a procedure's results at a school: year, procedure, grade (consistent with it), subject, school. */
record ProcedureFields(int year, Procedure procedure, int grade, String subject, String schoolId) {

    static ProcedureFields parse(FieldReader f) throws FieldException {
        int year = TypedRowValidator.year(f, "year");
        Procedure procedure = Procedure.parse(f.requiredText("procedure"), "procedure");
        int grade = f.requiredInt("grade", 1, 12);
        procedure.checkGrade(grade, "grade");
        return new ProcedureFields(year, procedure, grade, f.requiredText("subject"), f.requiredText("school_id"));
    }
}
