-- Staffing of the municipality's schools in the assessment year of the brief's list year (list year − 1), from the
-- warehouse's view of the current loads (v_staffing, as the analytics snapshot reads them). Parameters: list year,
-- municipality, assessment year.
SELECT f.school_id AS school_id, s.school_name AS school_name, f.students AS students, f.staff AS staff,
       f.teachers AS teachers, f.vacancies AS vacancies, f.teachers_pension_age AS teachers_pension_age,
       f.teachers_without_training AS teachers_without_training, f.avg_load AS avg_load, f.head_changed AS head_changed
FROM v_staffing AS f
INNER JOIN school_status AS s ON s.school_id = f.school_id AND s.list_year = ? AND s.municipality = ?
WHERE f.year = ?
ORDER BY f.school_id
