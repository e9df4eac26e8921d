-- Staffing per school and year (staffing risks).
SELECT year, school_id, students, staff, teachers, vacancies, teachers_pension_age, teachers_without_training,
       avg_load, head_changed
FROM stg_staffing
WHERE load_id IN (SELECT load_id FROM meta_active_load)
ORDER BY year, school_id
