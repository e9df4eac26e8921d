-- Staffing of the municipality's schools in the assessment year of the brief's list year (list year − 1), from the
-- active loads only (as the analytics snapshot reads it). Parameters: list year, municipality, assessment year.
SELECT f.school_id, s.school_name AS school_name, f.students, f.staff, f.teachers, f.vacancies, f.teachers_pension_age,
       f.teachers_without_training, f.avg_load, f.head_changed
FROM stg_staffing AS f
INNER JOIN school_status AS s ON s.school_id = f.school_id AND s.list_year = ? AND s.municipality = ?
WHERE f.year = ? AND f.load_id IN (SELECT load_id FROM meta_active_load)
ORDER BY f.school_id
