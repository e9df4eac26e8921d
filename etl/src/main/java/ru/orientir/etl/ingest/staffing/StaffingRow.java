package ru.orientir.etl.ingest.staffing;

/** A school's staffing in a year (domain.md "Inputs"). */
public record StaffingRow(int year, String schoolId, String schoolName, Integer students, int staff, int teachers,
                          Integer vacancies, Integer teachersPensionAge, Integer teachersWithoutTraining, Double avgLoad,
                          Boolean headChanged) {
}
