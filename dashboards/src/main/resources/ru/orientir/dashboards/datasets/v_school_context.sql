-- Each school's latest context row (active loads only) with its name and municipality (row-level security filters on
-- municipality). Runs on DuckDB and ClickHouse.
SELECT c.year AS year,
       sch.municipality AS municipality,
       c.school_id AS school_id,
       sch.school_name AS school_name,
       c.school_id || ' — ' || sch.school_name AS school,
       c.settlement_population AS settlement_population,
       c.distance_km AS distance_km,
       CASE WHEN c.direct_transport THEN 'есть' WHEN c.direct_transport IS NULL THEN NULL ELSE 'нет' END AS direct_transport,
       CASE c.internet WHEN 'stable' THEN 'стабильный' WHEN 'unstable' THEN 'нестабильный' WHEN 'none' THEN 'нет'
            ELSE c.internet END AS internet,
       c.computers_per_100 AS computers_per_100,
       c.parents_higher_education_share AS parents_higher_education_share,
       c.unemployed_parents_share AS unemployed_parents_share,
       c.low_income_share AS low_income_share,
       c.non_native_russian_share AS non_native_russian_share,
       c.ovz_share AS ovz_share
FROM stg_school_context AS c
INNER JOIN (SELECT school_id, MAX(year) AS latest FROM stg_school_context
            WHERE load_id IN (SELECT load_id FROM meta_active_load) GROUP BY school_id) AS l
        ON l.school_id = c.school_id AND l.latest = c.year
INNER JOIN {schools} AS sch
        ON sch.school_id = c.school_id
WHERE c.load_id IN (SELECT load_id FROM meta_active_load)
