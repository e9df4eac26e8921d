-- Then those rows leave staging: a row is loaded or quarantined, never both. Parameters: load_id, load_id.
DELETE FROM stg_exam_results
WHERE load_id = ? AND line IN (SELECT q.line FROM meta_quarantine q WHERE q.load_id = ?)
