-- School-level aggregates, for regions that only have those.
SELECT year, procedure, grade, subject, school_id, participants, mark2, mark3, mark4, mark5, below_min, mean_score
FROM stg_exam_aggregates
WHERE load_id IN (SELECT load_id FROM meta_active_load)
ORDER BY year, school_id, procedure, grade, subject
