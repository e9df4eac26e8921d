-- Every school that has been on the list in some year, with its membership in every list year as the mark regions
-- print in their tables: "+" on the list, "−" not. Runs on DuckDB and ClickHouse.
SELECT s.list_year AS list_year,
       s.municipality AS municipality,
       s.school_id AS school_id,
       s.school_name AS school_name,
       CASE WHEN s.on_list THEN '+' ELSE '−' END AS mark,
       CASE WHEN s.on_list THEN 1 ELSE 0 END AS on_list_flag
FROM school_status AS s
WHERE s.school_id IN (SELECT school_id FROM school_status WHERE on_list)
