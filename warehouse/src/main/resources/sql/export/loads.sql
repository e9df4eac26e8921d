-- bin/orientir export loads: one row per file load, newest first; a load replaced by a later version of its file
-- reads "superseded". The column order is a contract (see README).
SELECT l.load_id, l.file, l.kind, l.rows_read, l.rows_loaded, l.rows_quarantined,
       CASE WHEN l.status = 'loaded' AND l.load_id NOT IN (SELECT load_id FROM meta_active_load)
            THEN 'superseded' ELSE l.status END AS status
FROM meta_load l
ORDER BY l.finished_at DESC, l.file
