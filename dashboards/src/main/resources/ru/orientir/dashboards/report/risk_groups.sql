-- The municipality's risk profile of one source (context: Orientir's proxies; survey: ФИОКО's 500+) for that source's
-- latest profile year up to the assessment year of the brief's list year (list year − 1): one row per school and risk.
-- Parameters: list year (its school_status rows give the municipality's schools), municipality, source, source again,
-- assessment year.
SELECT r.year, r.risk, r.level, r.school_id, s.school_name
FROM risk_profile AS r
INNER JOIN school_status AS s ON s.school_id = r.school_id AND s.list_year = ? AND s.municipality = ?
WHERE r.source = ?
  AND r.year = (SELECT MAX(year) FROM risk_profile WHERE source = ? AND year <= ?)
ORDER BY r.risk, r.school_id
