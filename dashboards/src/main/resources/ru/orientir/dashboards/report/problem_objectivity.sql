-- Signals of non-objective results in the brief's assessment year (list year − 1): every signal of the
-- municipality's schools, and the number of the region's schools with any signal and of the region's schools with
-- results that year (the yardstick). Parameters: assessment year, region, assessment year, region, list year,
-- municipality, region, assessment year (the region is the municipality's).
WITH region AS (
    SELECT CAST(COUNT(DISTINCT o.school_id) AS BIGINT) AS flagged,
           CAST((SELECT COUNT(DISTINCT school_id) FROM school_year_markers WHERE year = ? AND region = ?) AS BIGINT)
               AS schools
    FROM objectivity AS o
    WHERE o.year = ? AND o.region = ?
)
SELECT o.school_id AS school_id, s.school_name AS school_name, o.signal AS signal, o.reason AS reason,
       r.flagged AS region_flagged, r.schools AS region_schools
FROM objectivity AS o
INNER JOIN school_status AS s ON s.school_id = o.school_id AND s.list_year = ? AND s.municipality = ?
                              AND s.region = ?
CROSS JOIN region AS r
WHERE o.year = ?
ORDER BY o.school_id, o.signal
