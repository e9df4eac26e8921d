-- The presentation layer: the warehouse's views that put the marts into the words and shapes readers see. The
-- dashboards' datasets are these views (physical datasets in Superset) and the municipal brief reads the same views,
-- so a label such as «вошла впервые» or a join such as "each school's name and municipality" is written once, here.
-- This folder (db/migration/common) is migrated on both engines: every statement runs on DuckDB and on ClickHouse
-- unchanged (WarehouseSqlOnBothEnginesTest, dashboards) and gives the same column types (SchemaParityTest: a 0/1 flag is
-- cast to INTEGER, which ClickHouse would otherwise type UInt8; a value that may be empty is cast inside its CASE, as
-- ClickHouse's CAST of a Nullable to INTEGER refuses NULL; a column a LEFT JOIN may leave unmatched must be nullable
-- on the joined side, or ClickHouse gives 0 or '' where DuckDB gives NULL; WarehouseParityIT, tools, compares every
-- view value by value on both engines). Change a view with a later migration in this folder that
-- re-creates it (CREATE OR REPLACE VIEW), never by editing this file.
-- ClickHouse reads a view with the reader's own rights: a new view, or a view reading a new table, needs its GRANT in
-- docker/clickhouse/init/reader-grants.sql.in (ReaderGrantsCoverDashboardsTest computes the exact list).

-- Each school's name and municipality as of its latest list year: the join that gives a mart keyed by school_id the
-- municipality column row-level security filters on.
CREATE VIEW v_schools AS
SELECT school_id, argMax(school_name, list_year) AS school_name, argMax(municipality, list_year) AS municipality
FROM school_status
GROUP BY school_id;

-- The staffing rows of the current loads (meta_active_load), every year, with the shares the staffing risks read
-- (empty where a school reports no teachers).
CREATE VIEW v_staffing AS
SELECT f.year AS year,
       f.school_id AS school_id,
       f.students AS students,
       f.staff AS staff,
       f.teachers AS teachers,
       f.vacancies AS vacancies,
       f.teachers_pension_age AS teachers_pension_age,
       CASE WHEN f.teachers > 0 THEN f.teachers_pension_age * 1.0 / f.teachers END AS pension_share,
       f.teachers_without_training AS teachers_without_training,
       CASE WHEN f.teachers > 0 THEN f.teachers_without_training * 1.0 / f.teachers END AS untrained_share,
       f.avg_load AS avg_load,
       f.head_changed AS head_changed,
       CASE WHEN f.head_changed THEN 'да' WHEN f.head_changed IS NULL THEN NULL ELSE 'нет' END AS head_changed_label
FROM stg_staffing AS f
WHERE f.load_id IN (SELECT load_id FROM meta_active_load);

-- The context rows of the current loads, every year, with the internet connection in words.
CREATE VIEW v_context AS
SELECT c.year AS year,
       c.school_id AS school_id,
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
WHERE c.load_id IN (SELECT load_id FROM meta_active_load);

-- One row per school and list year Y whose membership in Y-1 or Y was "on the list": where it came from (Y-1) and
-- where it went (Y). Node names carry the year so the flow chart stays acyclic.
CREATE VIEW v_year_flows AS
SELECT cur.list_year AS list_year,
       cur.municipality AS municipality,
       cur.school_id AS school_id,
       CAST(cur.list_year - 1 AS VARCHAR) || CASE WHEN prev.on_list THEN ': в списке' ELSE ': вне списка' END AS source,
       CAST(cur.list_year AS VARCHAR) || CASE WHEN cur.on_list THEN ': в списке' ELSE ': вне списка' END AS target
FROM school_status AS cur
INNER JOIN school_status AS prev ON prev.school_id = cur.school_id AND prev.list_year = cur.list_year - 1
WHERE cur.on_list OR prev.on_list;

-- The region's row of list_transitions per list year with the previous year's list size beside it (empty in the
-- first year), so exit rate = left / previous size. NULLIF(on_list, -1) changes no count (never negative) but makes
-- the column nullable: ClickHouse fills a non-nullable column of an unmatched LEFT JOIN row with 0, DuckDB with NULL.
CREATE VIEW v_region_dynamics AS
SELECT t.list_year AS list_year,
       t.schools AS schools,
       t.on_list AS on_list,
       p.prev_on_list AS prev_on_list,
       t.entered AS entered,
       t.first_time AS first_time,
       t."returning" AS "returning",
       t.stayed AS stayed,
       t."left" AS "left",
       t.share_on_list AS share_on_list
FROM list_transitions AS t
LEFT JOIN (SELECT list_year + 1 AS next_year, NULLIF(on_list, -1) AS prev_on_list
           FROM list_transitions WHERE level = 'region') AS p
       ON p.next_year = t.list_year
WHERE t.level = 'region';

-- Every school that has been on the list in some year, with its membership in every list year as the mark regions
-- print in their tables: "+" on the list, "−" not.
CREATE VIEW v_membership_years AS
SELECT s.list_year AS list_year,
       s.municipality AS municipality,
       s.school_id AS school_id,
       s.school_name AS school_name,
       CASE WHEN s.on_list THEN '+' ELSE '−' END AS mark,
       CAST(CASE WHEN s.on_list THEN 1 ELSE 0 END AS INTEGER) AS on_list_flag
FROM school_status AS s
WHERE s.school_id IN (SELECT school_id FROM school_status WHERE on_list);

-- school_status with the words a reader sees instead of codes, and beside each list year the membership's evidence
-- from list_membership (source, rule, marked procedures, severity, the assessment year). status_word is the
-- transition in one word or phrase (the brief's tables); status_label adds why a school has no data.
CREATE VIEW v_school_years AS
SELECT s.list_year AS list_year,
       s.municipality AS municipality,
       s.school_id AS school_id,
       s.school_name AS school_name,
       s.school_id || ' — ' || s.school_name AS school,
       CASE WHEN s.on_list THEN 'да' ELSE 'нет' END AS on_list_label,
       CASE WHEN s.status = 'no_data' THEN 'нет данных: ' || coalesce(s.no_data_reason, '')
            ELSE s.status_word END AS status_label,
       s.consecutive_years AS consecutive_years,
       s.total_years AS total_years,
       s.cluster_name AS cluster_name,
       s.cluster_reason AS cluster_reason,
       CASE m.source WHEN 'official' THEN 'официальный список' WHEN 'computed' THEN 'расчёт Orientir'
            ELSE m.source END AS source_label,
       CASE m.rule WHEN 'two_procedures' THEN 'маркеры в 2 и более процедурах'
            WHEN 'same_procedure_two_years' THEN 'маркер в той же процедуре 2 года подряд'
            WHEN 'both' THEN 'оба правила' ELSE m.rule END AS rule_label,
       m.procedures AS procedures,
       CASE m.severity WHEN 'strong' THEN 'сильно неуспевающая' WHEN 'moderate' THEN 'умеренно неуспевающая'
            ELSE m.severity END AS severity_label,
       m.results_year AS results_year,
       s.on_list AS on_list,
       s.status AS status,
       CASE WHEN s.shnor_shnsu THEN 'да' WHEN NOT s.shnor_shnsu THEN 'нет' ELSE '' END AS shnor_shnsu_label,
       s.status_word AS status_word,
       s.cluster AS cluster,
       s.no_data_reason AS no_data_reason,
       s.shnor_shnsu AS shnor_shnsu
FROM (SELECT *,
             CASE status
                 WHEN 'first_time' THEN 'вошла впервые'
                 WHEN 'returning' THEN 'вернулась'
                 WHEN 'stayed' THEN 'осталась'
                 WHEN 'left' THEN 'вышла'
                 WHEN 'off' THEN 'не в списке'
                 WHEN 'no_data' THEN 'нет данных'
                 ELSE 'нет истории'
             END AS status_word
      FROM school_status) AS s
LEFT JOIN list_membership AS m ON m.school_id = s.school_id AND m.list_year = s.list_year;

-- school_year_markers with the school's name and municipality, one row per school, assessment year and procedure:
-- the share of mark 2 (ВПР/ОГЭ) or below the minimum (ЕГЭ) in one column, the mean result and the marker as a word.
CREATE VIEW v_school_results AS
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
       CAST(CASE WHEN m.marker THEN 1 ELSE 0 END AS INTEGER) AS marker_flag,
       m.note AS note
FROM school_year_markers AS m
INNER JOIN v_schools AS sch ON sch.school_id = m.school_id;

-- risk_profile with the school's name and municipality, the level as a score for the heat map (высокий 3, средний 2,
-- низкий 1, «нет данных» empty) and a mark for the region's latest profile year.
CREATE VIEW v_risk_profile AS
SELECT r.year AS year,
       sch.municipality AS municipality,
       r.school_id AS school_id,
       sch.school_name AS school_name,
       r.school_id || ' — ' || sch.school_name AS school,
       r.risk AS risk,
       r.level AS level,
       CASE r.level WHEN 'высокий' THEN CAST(3 AS INTEGER) WHEN 'средний' THEN CAST(2 AS INTEGER)
            WHEN 'низкий' THEN CAST(1 AS INTEGER) END AS level_score,
       r.source AS source,
       CASE WHEN r.source = 'survey' THEN 'анкетирование ФИОКО (500+)' ELSE 'по контексту (Orientir)' END AS source_label,
       r.evidence AS evidence,
       CAST(CASE WHEN r.year = y.latest THEN 1 ELSE 0 END AS INTEGER) AS is_latest
FROM risk_profile AS r
INNER JOIN v_schools AS sch ON sch.school_id = r.school_id
CROSS JOIN (SELECT MAX(year) AS latest FROM risk_profile) AS y;

-- resilience with the school's name and municipality, the resilient flag as the word a legend shows, and a mark for
-- the region's latest year.
CREATE VIEW v_resilience AS
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
       CAST(CASE WHEN r.training_site THEN 1 ELSE 0 END AS INTEGER) AS training_site_flag,
       r.training_site_reason AS training_site_reason,
       CAST(CASE WHEN r.year = y.latest THEN 1 ELSE 0 END AS INTEGER) AS is_latest
FROM resilience AS r
INNER JOIN v_schools AS sch ON sch.school_id = r.school_id
CROSS JOIN (SELECT MAX(year) AS latest FROM resilience) AS y;

-- Schools on the list against the rest, list year by list year: each school's status in list year Y beside its
-- results of assessment year Y − 1 (the results the list was built from): the result index (resilience) and the mean
-- share of mark 2 / below the minimum over its judged procedures (school_year_markers).
CREATE VIEW v_list_gap AS
SELECT s.list_year AS list_year,
       s.municipality AS municipality,
       s.school_id AS school_id,
       CASE WHEN s.on_list THEN 'школы списка' ELSE 'остальные школы' END AS group_label,
       CAST(CASE WHEN s.on_list THEN 1 ELSE 0 END AS INTEGER) AS on_list_flag,
       r.result_index AS result_index,
       m.share_low AS share_low
FROM school_status AS s
LEFT JOIN resilience AS r ON r.school_id = s.school_id AND r.year = s.list_year - 1
LEFT JOIN (SELECT school_id, year,
                  AVG(CASE WHEN procedure = 'ЕГЭ' THEN share_below_min ELSE share_mark2 END) AS share_low
           FROM school_year_markers
           WHERE marker IS NOT NULL
           GROUP BY school_id, year) AS m
       ON m.school_id = s.school_id AND m.year = s.list_year - 1
WHERE r.result_index IS NOT NULL OR m.share_low IS NOT NULL;

-- Each school's latest context row of the current loads, with its name and municipality.
CREATE VIEW v_school_context AS
SELECT c.year AS year,
       sch.municipality AS municipality,
       c.school_id AS school_id,
       sch.school_name AS school_name,
       c.school_id || ' — ' || sch.school_name AS school,
       c.settlement_population AS settlement_population,
       c.distance_km AS distance_km,
       c.direct_transport AS direct_transport,
       c.internet AS internet,
       c.computers_per_100 AS computers_per_100,
       c.parents_higher_education_share AS parents_higher_education_share,
       c.unemployed_parents_share AS unemployed_parents_share,
       c.low_income_share AS low_income_share,
       c.non_native_russian_share AS non_native_russian_share,
       c.ovz_share AS ovz_share
FROM v_context AS c
INNER JOIN (SELECT school_id, MAX(year) AS latest FROM v_context GROUP BY school_id) AS l
        ON l.school_id = c.school_id AND l.latest = c.year
INNER JOIN v_schools AS sch ON sch.school_id = c.school_id;

-- Each school's latest staffing row of the current loads, with its name and municipality.
CREATE VIEW v_school_staffing AS
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
       f.pension_share AS pension_share,
       f.teachers_without_training AS teachers_without_training,
       f.untrained_share AS untrained_share,
       f.avg_load AS avg_load,
       f.head_changed_label AS head_changed
FROM v_staffing AS f
INNER JOIN (SELECT school_id, MAX(year) AS latest FROM v_staffing GROUP BY school_id) AS l
        ON l.school_id = f.school_id AND l.latest = f.year
INNER JOIN v_schools AS sch ON sch.school_id = f.school_id;
