-- The region's row of list_transitions per list year with the previous year's list size beside it (empty in the
-- first year), so exit rate = left / previous size. Runs on DuckDB and ClickHouse.
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
LEFT JOIN (SELECT list_year + 1 AS next_year, on_list AS prev_on_list FROM list_transitions WHERE level = 'region') AS p
       ON p.next_year = t.list_year
WHERE t.level = 'region'
