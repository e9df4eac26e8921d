-- The early warning for the year after the brief's list year (docs/methodology.md §9): the municipality's schools of
-- the brief's list year (school_status gives that year's municipality), riskiest first, then those without a
-- probability. Parameters: list year, municipality, forecast year (list year + 1).
SELECT e.school_id AS school_id, s.school_name AS school_name, e.probability AS probability, e.rank AS rank,
       e.band AS band, e.factors AS factors, e.risk_zone AS risk_zone, e.recommended AS recommended,
       e.method AS method, e.note AS note
FROM early_warning AS e
INNER JOIN school_status AS s ON s.school_id = e.school_id AND s.list_year = ? AND s.municipality = ?
WHERE e.list_year = ?
ORDER BY e.rank IS NULL, e.rank, e.school_id
