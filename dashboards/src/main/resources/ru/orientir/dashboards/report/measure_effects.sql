-- The region's estimates of the measures' effect for one plan year (docs/methodology.md §13.5): the brief of list year
-- Y judges the plan of Y − 1, whose results (year Y − 1) it has. Parameters: plan year, the municipality's region.
SELECT list_year, track, measure_type, treated, controls, treated_change, control_change, effect, ci_low, ci_high, note
FROM measure_effects
WHERE list_year = ? AND region = ?
ORDER BY track, measure_type
