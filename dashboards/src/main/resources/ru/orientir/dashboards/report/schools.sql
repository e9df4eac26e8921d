-- The municipality's schools in the brief's list year, from the published school_status (its municipality is the
-- school's municipality of that year, docs/methodology.md §3.5: a school that moved is listed once, where it was that
-- year). The other columns of the reference file (extra_json) are those of the school's latest row in the current
-- reference files (meta_active_load), ranked as sql/snapshot/schools.sql ranks them: a row with a reference year
-- (as_of_year) is newer than one without, the greatest year the latest, then the latest load; null when no current
-- reference names the school (closed). Parameters: list year, municipality.
WITH reference AS (
    SELECT school_id, extra_json
    FROM (
        SELECT s.school_id AS school_id, s.extra_json AS extra_json,
               row_number() OVER (PARTITION BY s.school_id
                                  ORDER BY CASE WHEN s.as_of_year IS NULL THEN 0 ELSE 1 END DESC,
                                           s.as_of_year DESC, l.finished_at DESC, s.load_id DESC) AS rn
        FROM stg_schools AS s
        INNER JOIN (SELECT load_id, max(finished_at) AS finished_at FROM meta_load WHERE status = 'loaded'
                    GROUP BY load_id) AS l ON l.load_id = s.load_id
        WHERE s.load_id IN (SELECT load_id FROM meta_active_load)
    ) AS ranked
    WHERE rn = 1
)
SELECT st.school_id AS school_id, st.school_name AS name, r.extra_json AS extra_json
FROM school_status AS st
LEFT JOIN reference AS r ON r.school_id = st.school_id
WHERE st.list_year = ? AND st.municipality = ?
ORDER BY st.school_id
