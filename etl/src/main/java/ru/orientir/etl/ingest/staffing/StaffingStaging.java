package ru.orientir.etl.ingest.staffing;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/** stg_staffing. */
public final class StaffingStaging implements StagingTable<StaffingRow> {
    private static final List<Column> COLUMNS = List.of(
            StagingTable.column("year", INT),
            StagingTable.column("school_id", TEXT),
            StagingTable.column("school_name", TEXT),
            StagingTable.column("students", INT),
            StagingTable.column("staff", INT),
            StagingTable.column("teachers", INT),
            StagingTable.column("vacancies", INT),
            StagingTable.column("teachers_pension_age", INT),
            StagingTable.column("teachers_without_training", INT),
            StagingTable.column("avg_load", DOUBLE),
            StagingTable.column("head_changed", BOOL));

    @Override
    public String table() {
        return "stg_staffing";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Object[] values(StaffingRow r) {
        return new Object[] {r.year(), r.schoolId(), r.schoolName(), r.students(), r.staff(), r.teachers(), r.vacancies(), r.teachersPensionAge(), r.teachersWithoutTraining(), r.avgLoad(), r.headChanged()};
    }
}
