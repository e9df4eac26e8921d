-- The configuration in force for the run whose marts are published (the brief's wording names its thresholds).
SELECT config_json
FROM meta_run
WHERE run_id IN (SELECT run_id FROM school_status)
  AND config_json IS NOT NULL
LIMIT 1
