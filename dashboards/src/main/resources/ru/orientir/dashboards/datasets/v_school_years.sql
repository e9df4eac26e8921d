-- school_status with the words a reader sees instead of codes (status, on the list). Runs on DuckDB and ClickHouse.
SELECT s.list_year AS list_year,
       s.municipality AS municipality,
       s.school_id AS school_id,
       s.school_name AS school_name,
       CASE WHEN s.on_list THEN 'да' ELSE 'нет' END AS on_list_label,
       CASE s.status
           WHEN 'first_time' THEN 'вошла впервые'
           WHEN 'returning' THEN 'вернулась'
           WHEN 'stayed' THEN 'осталась'
           WHEN 'left' THEN 'вышла'
           WHEN 'off' THEN 'не в списке'
           ELSE 'нет истории'
       END AS status_label,
       s.consecutive_years AS consecutive_years,
       s.total_years AS total_years,
       s.cluster_name AS cluster_name,
       s.on_list AS on_list,
       s.status AS status
FROM school_status AS s
