-- The rows of one load that repeat a participant's result already present earlier in the same load or in another
-- file's active load go to quarantine (once: a re-run of this step adds nothing). Parameters, in order: file,
-- load_id, load_id, file, load_id. The raw text is the row as loaded, with the participant as its pseudonym.
INSERT INTO meta_quarantine (load_id, file, line, field, reason, raw)
SELECT r.load_id, ?, r.line, 'participant_id',
       'повтор: результат этого участника по этой процедуре уже загружен',
       CAST(r.year AS VARCHAR) || ',' || r.procedure || ',' || CAST(r.grade AS VARCHAR) || ',' || r.subject || ',' ||
       r.school_id || ',#' || r.participant_key || ',' || coalesce(CAST(r.mark AS VARCHAR), '') || ',' ||
       coalesce(CASE WHEN r.score = floor(r.score) THEN CAST(CAST(r.score AS BIGINT) AS VARCHAR)
                     ELSE CAST(r.score AS VARCHAR) END, '')
FROM (
    SELECT t.*, row_number() OVER (PARTITION BY t.year, t.procedure, t.grade, t.subject, t.school_id, t.participant_key
                                   ORDER BY t.line) AS occurrence
    FROM stg_exam_results t
    WHERE t.load_id = ?
) r
WHERE (r.occurrence > 1
       OR (r.year, r.procedure, r.grade, r.subject, r.school_id, r.participant_key) IN (
           SELECT o.year, o.procedure, o.grade, o.subject, o.school_id, o.participant_key
           FROM stg_exam_results o
           JOIN meta_active_load a ON o.load_id = a.load_id
           WHERE o.load_id <> ? AND a.file <> ?))
  AND (r.load_id, r.line) NOT IN (SELECT q.load_id, q.line FROM meta_quarantine q WHERE q.load_id = ?)
