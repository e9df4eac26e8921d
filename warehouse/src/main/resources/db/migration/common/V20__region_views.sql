-- Issue 16: many regions in one warehouse (docs/methodology.md, «Несколько регионов в одном хранилище»), on both
-- engines as V12 (read its header: the same rules hold here). New views need their GRANT in
-- docker/clickhouse/init/reader-grants.sql.in.

-- Each school's name, municipality and region as of its latest list year. The region (код субъекта РФ, '' in a
-- one-region warehouse) is the school's in every list year.
CREATE OR REPLACE VIEW v_schools AS
SELECT school_id, argMax(school_name, list_year) AS school_name, argMax(municipality, list_year) AS municipality,
       argMax(region, list_year) AS region
FROM school_status
GROUP BY school_id;

-- Each region's row of list_transitions per list year with the region's previous list size beside it (empty in its
-- first year), so exit rate = left / previous size. As in V12: NULLIF(on_list, -1) makes the joined column nullable.
CREATE OR REPLACE VIEW v_region_dynamics AS
SELECT t.list_year AS list_year,
       t.schools AS schools,
       t.on_list AS on_list,
       p.prev_on_list AS prev_on_list,
       t.entered AS entered,
       t.first_time AS first_time,
       t."returning" AS "returning",
       t.stayed AS stayed,
       t."left" AS "left",
       t.share_on_list AS share_on_list,
       t.region AS region
FROM list_transitions AS t
LEFT JOIN (SELECT region, list_year + 1 AS next_year, NULLIF(on_list, -1) AS prev_on_list
           FROM list_transitions WHERE level = 'region') AS p
       ON p.region = t.region AND p.next_year = t.list_year
WHERE t.level = 'region';

-- The federal comparison of regions, one row per region and list year Y: the list's size, entries and exits; the
-- results gap — the mean share of low results (mark 2; ЕГЭ: below the minimum) of the list's schools minus that of
-- the other schools, in the assessment year Y − 1 the list was built from (v_list_gap), and the same for the result
-- index; and the share of ШНСУ by the ИСБ of Y − 1, among all schools with an ИСБ and among the list's schools.
-- Every region's ШНСУ is its lowest ИСБ quantile, so shnsu_share stays near the configured quantile: the comparison
-- is shnsu_on_list_share, how much of the region's list is socially disadvantaged.
CREATE VIEW v_federal_dynamics AS
SELECT t.region AS region,
       t.list_year AS list_year,
       t.schools AS schools,
       t.on_list AS on_list,
       t.entered AS entered,
       t."left" AS "left",
       t.share_on_list AS share_on_list,
       g.share_low_list - g.share_low_rest AS results_gap,
       g.result_index_list - g.result_index_rest AS result_index_gap,
       i.shnsu_share AS shnsu_share,
       i.shnsu_on_list_share AS shnsu_on_list_share
FROM list_transitions AS t
LEFT JOIN (SELECT sch.region AS region,
                  l.list_year AS list_year,
                  AVG(CASE WHEN l.on_list_flag = 1 THEN l.share_low END) AS share_low_list,
                  AVG(CASE WHEN l.on_list_flag = 0 THEN l.share_low END) AS share_low_rest,
                  AVG(CASE WHEN l.on_list_flag = 1 THEN l.result_index END) AS result_index_list,
                  AVG(CASE WHEN l.on_list_flag = 0 THEN l.result_index END) AS result_index_rest
           FROM v_list_gap AS l
           INNER JOIN v_schools AS sch ON sch.school_id = l.school_id
           GROUP BY sch.region, l.list_year) AS g
       ON g.region = t.region AND g.list_year = t.list_year
LEFT JOIN (SELECT s.region AS region,
                  s.list_year AS list_year,
                  AVG(CASE WHEN i.shnsu THEN 1.0 WHEN NOT i.shnsu THEN 0.0 END) AS shnsu_share,
                  AVG(CASE WHEN s.on_list AND i.shnsu THEN 1.0 WHEN s.on_list AND NOT i.shnsu THEN 0.0 END)
                      AS shnsu_on_list_share
           FROM school_status AS s
           INNER JOIN isb AS i ON i.school_id = s.school_id AND i.year = s.list_year - 1
           GROUP BY s.region, s.list_year) AS i
       ON i.region = t.region AND i.list_year = t.list_year
WHERE t.level = 'region';
