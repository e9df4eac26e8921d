-- school_status with the words a reader sees instead of codes (status, on the list), and beside each list year the
-- membership's evidence from list_membership (source, rule, marked procedures, severity, the assessment year).
-- Runs on DuckDB and ClickHouse.
SELECT s.list_year AS list_year,
       s.municipality AS municipality,
       s.school_id AS school_id,
       s.school_name AS school_name,
       s.school_id || ' — ' || s.school_name AS school,
       CASE WHEN s.on_list THEN 'да' ELSE 'нет' END AS on_list_label,
       CASE s.status
           WHEN 'first_time' THEN 'вошла впервые'
           WHEN 'returning' THEN 'вернулась'
           WHEN 'stayed' THEN 'осталась'
           WHEN 'left' THEN 'вышла'
           WHEN 'off' THEN 'не в списке'
           WHEN 'no_data' THEN 'нет данных: ' || coalesce(s.no_data_reason, '')
           ELSE 'нет истории'
       END AS status_label,
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
       CASE WHEN s.shnor_shnsu THEN 'да' WHEN NOT s.shnor_shnsu THEN 'нет' ELSE '' END AS shnor_shnsu_label
FROM school_status AS s
LEFT JOIN list_membership AS m ON m.school_id = s.school_id AND m.list_year = s.list_year
