-- The municipality's returned plans of the brief's list year and the year before (docs/methodology.md §13.4): every
-- measure with its state as of the day its file loaded. Parameters: municipality, list year − 1, list year.
SELECT list_year, track, measure, measure_type, schools, deadline, owner, indicator, baseline, target, actual, state,
       target_met, reported_on
FROM v_plan
WHERE municipality = ? AND list_year IN (?, ?)
ORDER BY list_year, track, measure, schools, indicator
