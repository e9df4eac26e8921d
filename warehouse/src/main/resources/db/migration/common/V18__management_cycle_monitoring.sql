-- Issue 15: the views of the dashboard «Дорожная карта: исполнение» and the ministry's effects (docs/methodology.md
-- §13.4–13.5), on both engines as V12 (read its header: the same rules hold here). New views need their GRANT in
-- docker/clickhouse/init/reader-grants.sql.in.

-- Each measure of the plans once per school it names: «все» for every school of the plan's municipality, a list of
-- codes for those schools (matched inside «; »-separated text, so the same view runs on both engines without their
-- different string-splitting functions). The school's name and municipality from v_schools.
CREATE VIEW v_plan_schools AS
SELECT p.municipality AS municipality,
       p.list_year AS list_year,
       p.track AS track,
       p.track_label AS track_label,
       sch.school_id AS school_id,
       sch.school_name AS school_name,
       sch.school_id || ' — ' || sch.school_name AS school,
       p.measure AS measure,
       p.measure_type AS measure_type,
       p.deadline AS deadline,
       p.state AS state,
       p.target_met AS target_met
FROM v_plan AS p
CROSS JOIN v_schools AS sch
WHERE (p.schools = 'все' AND sch.municipality = p.municipality)
   OR ('; ' || p.schools || '; ') LIKE ('%; ' || sch.school_id || '; %');

-- The measures' effects per plan year, track and measure type (the region's figures), with the type in words,
-- repeated for every municipality as v_early_warning_backtest, so that a municipal coordinator reads them too.
CREATE VIEW v_measure_effects AS
SELECT e.list_year AS list_year,
       m.municipality AS municipality,
       e.track AS track,
       'Трек ' || CAST(e.track AS VARCHAR) AS track_label,
       e.measure_type AS measure_type,
       CASE e.measure_type
            WHEN 'marker' THEN 'маркер низких результатов'
            WHEN 'near_threshold' THEN 'доля близко к порогу маркера'
            WHEN 'results' THEN 'результаты хуже региональных'
            WHEN 'objectivity' THEN 'сигналы необъективности'
            WHEN 'vacancies' THEN 'вакансии'
            WHEN 'pension_age' THEN 'учителя пенсионного возраста'
            WHEN 'untrained' THEN 'учителя без профильной подготовки'
            WHEN 'head_change' THEN 'смена руководителя'
            WHEN 'context_risk' THEN 'риск по контексту'
            WHEN 'survey_risk' THEN 'риск по анкетированию ФИОКО'
            WHEN 'prevention' THEN 'профилактика неуспешности'
            ELSE e.measure_type END AS measure_label,
       e.treated AS treated,
       e.controls AS controls,
       e.treated_change AS treated_change,
       e.control_change AS control_change,
       e.effect AS effect,
       e.ci_low AS ci_low,
       e.ci_high AS ci_high,
       e.note AS note
FROM measure_effects AS e
CROSS JOIN (SELECT DISTINCT municipality FROM v_schools) AS m;
