-- The returned municipal plans' measures (docs/methodology.md §13.5): who got which type of measure in which plan
-- year, from the current loads.
SELECT municipality, list_year, track, measure_type, schools, status
FROM stg_municipal_plan
WHERE load_id IN (SELECT load_id FROM meta_active_load)
ORDER BY municipality, list_year, track, measure_type, schools
