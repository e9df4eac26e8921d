-- Each school's latest staffing row (active loads only) with its name and municipality (row-level security filters on
-- municipality), and the shares the staffing risks read. Runs on DuckDB and ClickHouse.
SELECT f.year AS year,
       sch.municipality AS municipality,
       f.school_id AS school_id,
       sch.school_name AS school_name,
       f.school_id || ' — ' || sch.school_name AS school,
       f.students AS students,
       f.staff AS staff,
       f.teachers AS teachers,
       f.vacancies AS vacancies,
       f.teachers_pension_age AS teachers_pension_age,
       CASE WHEN f.teachers > 0 THEN f.teachers_pension_age * 1.0 / f.teachers END AS pension_share,
       f.teachers_without_training AS teachers_without_training,
       CASE WHEN f.teachers > 0 THEN f.teachers_without_training * 1.0 / f.teachers END AS untrained_share,
       f.avg_load AS avg_load,
       CASE WHEN f.head_changed THEN 'да' WHEN f.head_changed IS NULL THEN NULL ELSE 'нет' END AS head_changed
FROM stg_staffing AS f
INNER JOIN (SELECT school_id, MAX(year) AS latest FROM stg_staffing
            WHERE load_id IN (SELECT load_id FROM meta_active_load) GROUP BY school_id) AS l
        ON l.school_id = f.school_id AND l.latest = f.year
INNER JOIN {schools} AS sch
        ON sch.school_id = f.school_id
WHERE f.load_id IN (SELECT load_id FROM meta_active_load)
