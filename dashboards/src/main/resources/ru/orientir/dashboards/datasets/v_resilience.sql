-- resilience with the school's name and municipality (row-level security filters on municipality), the resilient
-- flag as the word a legend shows, and a mark for the region's latest year. Runs on DuckDB and ClickHouse.
SELECT r.year AS year,
       sch.municipality AS municipality,
       r.school_id AS school_id,
       sch.school_name AS school_name,
       r.school_id || ' — ' || sch.school_name AS school,
       r.isb AS isb,
       r.result_index AS result_index,
       r.residual AS residual,
       r.std_residual AS std_residual,
       CASE WHEN r.resilient THEN 'резильентные'
            WHEN r.better_than_expected THEN 'выше ожидаемого'
            ELSE 'остальные' END AS resilience_group,
       CASE WHEN r.training_site THEN 'да' ELSE 'нет' END AS training_site_label,
       CASE WHEN r.training_site THEN 1 ELSE 0 END AS training_site_flag,
       r.training_site_reason AS training_site_reason,
       CASE WHEN r.year = y.latest THEN 1 ELSE 0 END AS is_latest
FROM resilience AS r
INNER JOIN {schools} AS sch
        ON sch.school_id = r.school_id
CROSS JOIN (SELECT MAX(year) AS latest FROM resilience) AS y
