-- Schools on the list against the rest, list year by list year: each school's status in list year Y beside its
-- results of assessment year Y − 1 (the results the list was built from): the result index (resilience) and the mean
-- share of mark 2 / below the minimum over its judged procedures (school_year_markers). Runs on DuckDB and ClickHouse.
SELECT s.list_year AS list_year,
       s.municipality AS municipality,
       s.school_id AS school_id,
       CASE WHEN s.on_list THEN 'школы списка' ELSE 'остальные школы' END AS group_label,
       CASE WHEN s.on_list THEN 1 ELSE 0 END AS on_list_flag,
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
WHERE r.result_index IS NOT NULL OR m.share_low IS NOT NULL
