package ru.orientir.etl.ingest.staffing;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/** A school's staffing in a year (docs/methodology.md («Входные данные»)). */
public record StaffingRow(int year, String schoolId, String schoolName, Integer students, int staff, int teachers,
                          Integer vacancies, Integer teachersPensionAge, Integer teachersWithoutTraining, Double avgLoad,
                          Boolean headChanged) {

    /** stg_staffing: the columns after load_id and line. */
    public static final StagingTable<StaffingRow> STAGING = new StagingTable<>("stg_staffing", List.of(
                    StagingTable.column("year", StagingTable.INT),
                    StagingTable.column("school_id", StagingTable.TEXT),
                    StagingTable.column("school_name", StagingTable.TEXT),
                    StagingTable.column("students", StagingTable.INT),
                    StagingTable.column("staff", StagingTable.INT),
                    StagingTable.column("teachers", StagingTable.INT),
                    StagingTable.column("vacancies", StagingTable.INT),
                    StagingTable.column("teachers_pension_age", StagingTable.INT),
                    StagingTable.column("teachers_without_training", StagingTable.INT),
                    StagingTable.column("avg_load", StagingTable.DOUBLE),
                    StagingTable.column("head_changed", StagingTable.BOOL)),
            r -> new Object[] {r.year(), r.schoolId(), r.schoolName(), r.students(), r.staff(), r.teachers(), r.vacancies(), r.teachersPensionAge(), r.teachersWithoutTraining(), r.avgLoad(), r.headChanged()});
}
