-- bin/orientir export measure_effects: per plan year, track and measure type, the treated schools' change in the
-- share of «2» against comparable schools' (docs/methodology.md §13.5).
SELECT list_year, track, measure_type, treated, controls, treated_change, control_change, effect, ci_low, ci_high, note, region
FROM measure_effects
ORDER BY region, list_year, track, measure_type
