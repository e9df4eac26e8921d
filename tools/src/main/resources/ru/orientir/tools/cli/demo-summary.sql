-- The demo's closing summary: the latest list year's clusters and the analytics marts at a glance (label, value).
WITH latest AS (SELECT max(list_year) AS y FROM school_status)
SELECT 1 AS ord, 'кластер «' || cluster_name || '»' AS label, count(*) AS value
FROM school_status, latest WHERE list_year = latest.y GROUP BY cluster_name
UNION ALL
SELECT 2, 'маркеров низких результатов (все годы)', count(*) FROM school_year_markers WHERE marker
UNION ALL
SELECT 3, 'процедур с малым числом участников', count(*) FROM school_year_markers WHERE marker IS NULL
UNION ALL
SELECT 4, 'официальный список найден расчётом (школ)', count(*) FROM list_agreement WHERE official AND computed
UNION ALL
SELECT 5, 'официальный список: расчёт не нашёл / добавил', count(*) FROM list_agreement WHERE official <> computed
UNION ALL
SELECT 6, 'школ ШНСУ (последний год)', count(*) FROM isb WHERE shnsu AND year = (SELECT max(year) FROM isb)
UNION ALL
SELECT 7, 'резильентных школ (последний год)', count(*) FROM resilience WHERE resilient AND year = (SELECT max(year) FROM resilience)
UNION ALL
SELECT 8, 'кандидатов в стажировочные площадки', count(*) FROM resilience WHERE training_site AND year = (SELECT max(year) FROM resilience)
UNION ALL
SELECT 9, 'сигналов объективности', count(*) FROM objectivity
UNION ALL
SELECT 10, 'высоких рисков (контекст, последний год)', count(*) FROM risk_profile
WHERE level = 'высокий' AND source = 'context' AND year = (SELECT max(year) FROM risk_profile)
ORDER BY ord, label
