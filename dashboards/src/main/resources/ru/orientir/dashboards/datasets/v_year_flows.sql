-- One row per school and list year Y whose membership in Y-1 or Y was "on the list": where it came from (Y-1) and
-- where it went (Y). Node names carry the year so the flow chart stays acyclic. Runs on DuckDB and ClickHouse.
SELECT cur.list_year AS list_year,
       cur.municipality AS municipality,
       cur.school_id AS school_id,
       CAST(cur.list_year - 1 AS VARCHAR) || CASE WHEN prev.on_list THEN ': в списке' ELSE ': вне списка' END AS source,
       CAST(cur.list_year AS VARCHAR) || CASE WHEN cur.on_list THEN ': в списке' ELSE ': вне списка' END AS target
FROM school_status AS cur
INNER JOIN school_status AS prev ON prev.school_id = cur.school_id AND prev.list_year = cur.list_year - 1
WHERE cur.on_list OR prev.on_list
