-- school_year_markers with the school's name and municipality (row-level security filters on municipality), one row
-- per school, assessment year and procedure: the share of mark 2 (ВПР/ОГЭ) or below the minimum (ЕГЭ) in one column,
-- the mean result and the marker as a word. Runs on DuckDB and ClickHouse.
SELECT m.year AS year,
       sch.municipality AS municipality,
       m.school_id AS school_id,
       sch.school_name AS school_name,
       m.school_id || ' — ' || sch.school_name AS school,
       m.procedure || ' ' || CAST(m.grade AS VARCHAR) || ' ' || m.subject AS procedure_name,
       m.procedure AS procedure,
       m.participants AS participants,
       CASE WHEN m.procedure = 'ЕГЭ' THEN m.share_below_min ELSE m.share_mark2 END AS share_low,
       m.threshold AS threshold,
       m.mean_result AS mean_result,
       CASE WHEN m.marker THEN 'маркер' WHEN m.marker IS NULL THEN m.note ELSE 'нет' END AS marker_label,
       CASE WHEN m.marker THEN 1 ELSE 0 END AS marker_flag,
       m.note AS note
FROM school_year_markers AS m
INNER JOIN {schools} AS sch
        ON sch.school_id = m.school_id
