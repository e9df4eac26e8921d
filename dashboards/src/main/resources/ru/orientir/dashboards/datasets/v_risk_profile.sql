-- risk_profile with the school's name and municipality (row-level security filters on municipality), the level as a
-- score for the heat map (высокий 3, средний 2, низкий 1, «нет данных» empty) and a mark for the region's latest
-- profile year. Runs on DuckDB and ClickHouse.
SELECT r.year AS year,
       sch.municipality AS municipality,
       r.school_id AS school_id,
       sch.school_name AS school_name,
       r.school_id || ' — ' || sch.school_name AS school,
       r.risk AS risk,
       r.level AS level,
       CASE r.level WHEN 'высокий' THEN 3 WHEN 'средний' THEN 2 WHEN 'низкий' THEN 1 END AS level_score,
       r.source AS source,
       CASE WHEN r.source = 'survey' THEN 'анкетирование ФИОКО (500+)' ELSE 'по контексту (Orientir)' END AS source_label,
       r.evidence AS evidence,
       CASE WHEN r.year = y.latest THEN 1 ELSE 0 END AS is_latest
FROM risk_profile AS r
INNER JOIN {schools} AS sch
        ON sch.school_id = r.school_id
CROSS JOIN (SELECT MAX(year) AS latest FROM risk_profile) AS y
