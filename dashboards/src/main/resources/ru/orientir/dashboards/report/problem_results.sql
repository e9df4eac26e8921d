-- The results of the brief's assessment year (list year − 1) for the municipality's schools, one row per school and
-- procedure that could be judged (marker not empty: 5 participants or more), with the region's share of «2» (or of
-- results below the minimum, ЕГЭ) in the same procedure beside it. The brief's «Выявленные проблемы» read markers,
-- shares near their threshold and the municipality's shares against the region's from these rows
-- (docs/methodology.md §13). Parameters: assessment year, region, list year, municipality, region, assessment year
-- (the region is the municipality's: a warehouse may hold several).
WITH region AS (
    SELECT procedure, grade, subject,
           SUM(COALESCE(mark2, below_min)) AS failed_sum,
           SUM(participants) AS participants_sum
    FROM school_year_markers
    WHERE year = ? AND region = ? AND marker IS NOT NULL
    GROUP BY procedure, grade, subject
)
SELECT m.school_id AS school_id, s.school_name AS school_name, m.procedure AS procedure, m.grade AS grade,
       m.subject AS subject, m.participants AS participants, COALESCE(m.mark2, m.below_min) AS failed,
       COALESCE(m.share_mark2, m.share_below_min) AS share, m.threshold AS threshold,
       CAST(CASE WHEN m.marker THEN 1 ELSE 0 END AS INTEGER) AS marker_flag,
       CAST(r.failed_sum AS BIGINT) AS region_failed, CAST(r.participants_sum AS BIGINT) AS region_participants
FROM school_year_markers AS m
INNER JOIN school_status AS s ON s.school_id = m.school_id AND s.list_year = ? AND s.municipality = ?
                              AND s.region = ?
LEFT JOIN region AS r ON r.procedure = m.procedure AND r.grade = m.grade AND r.subject = m.subject
WHERE m.year = ? AND m.marker IS NOT NULL
ORDER BY m.school_id, m.procedure, m.grade, m.subject
