-- The school's name and municipality by year (docs/methodology.md §3.5): one row per school and reference year
-- (as_of_year, «по состоянию на год», «год справочника») that a school reference gave. A row describes the school from
-- its year until the school's next row; before its first row, the first row holds. Schools whose reference rows carry
-- no year have no rows here: the analytics use their latest version from schools.sql for every year.
-- The rows are those of the school's current reference files (meta_active_load) when it is in one, else its history
-- (a school every current version left out, closed); of several rows for the same school and year, the latest load's.
WITH versions AS (
    SELECT s.school_id AS school_id, s.as_of_year AS as_of_year, s.name AS name, s.municipality AS municipality,
           s.load_id AS load_id, l.finished_at AS finished_at,
           CASE WHEN s.load_id IN (SELECT load_id FROM meta_active_load) THEN 1 ELSE 0 END AS in_reference
    FROM stg_schools s
    JOIN (SELECT load_id, max(finished_at) AS finished_at FROM meta_load WHERE status = 'loaded' GROUP BY load_id) l
      ON s.load_id = l.load_id
),
standing AS (
    SELECT v.school_id AS school_id, v.as_of_year AS as_of_year, v.name AS name, v.municipality AS municipality,
           v.load_id AS load_id, v.finished_at AS finished_at, v.in_reference AS in_reference,
           max(v.in_reference) OVER (PARTITION BY v.school_id) AS school_in_reference
    FROM versions v
),
dated AS (
    SELECT d.school_id AS school_id, d.as_of_year AS as_of_year, d.name AS name, d.municipality AS municipality,
           row_number() OVER (PARTITION BY d.school_id, d.as_of_year ORDER BY d.finished_at DESC, d.load_id DESC) AS rn
    FROM standing d
    WHERE d.in_reference = d.school_in_reference AND d.as_of_year IS NOT NULL
)
SELECT school_id, as_of_year, name, municipality
FROM dated
WHERE rn = 1
ORDER BY school_id, as_of_year
