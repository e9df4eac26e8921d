-- The region's share of schools at the «высокий» level of each risk, for each source's latest profile year up to the
-- brief's assessment year (list year − 1), the yardstick of the context and survey risk problems. Parameters:
-- region, assessment year, region, assessment year, region (the municipality's region throughout).
SELECT r.source AS source, r.risk AS risk,
       CAST(SUM(CASE WHEN r.level = 'высокий' THEN 1 ELSE 0 END) AS BIGINT) AS high,
       CAST(SUM(CASE WHEN r.level IN ('высокий', 'средний', 'низкий') THEN 1 ELSE 0 END) AS BIGINT) AS judged
FROM risk_profile AS r
WHERE r.region = ?
  AND ((r.source = 'context' AND r.year = (SELECT MAX(year) FROM risk_profile WHERE source = 'context' AND year <= ?
                                                                             AND region = ?))
    OR (r.source = 'survey' AND r.year = (SELECT MAX(year) FROM risk_profile WHERE source = 'survey' AND year <= ?
                                                                           AND region = ?)))
GROUP BY r.source, r.risk
ORDER BY r.source, r.risk
