-- Student-level results as the analytics read them: without the participant key (duplicates were settled at ingest,
-- and the analytics count participants, never follow one).
SELECT year, procedure, grade, subject, school_id, mark, score
FROM stg_exam_results
WHERE load_id IN (SELECT load_id FROM meta_active_load)
