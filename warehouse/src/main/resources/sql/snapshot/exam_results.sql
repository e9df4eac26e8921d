-- Student-level results as the analytics read them: without the participant key (duplicates were settled at ingest,
-- and the analytics count participants, never follow one). mark2_max_score: set when the file gave a ВПР/ОГЭ score
-- and no mark — the row is then mark 2 (score ≤ the bound) or «не 2» with an empty mark (marks 3–5 not told apart).
SELECT year, procedure, grade, subject, school_id, mark, score, mark2_max_score
FROM stg_exam_results
WHERE load_id IN (SELECT load_id FROM meta_active_load)
