-- The municipality's schools from the active school reference (other columns of the file are in extra_json).
SELECT school_id, name, extra_json
FROM stg_schools
WHERE municipality = ? AND load_id IN (SELECT load_id FROM meta_active_load)
ORDER BY school_id
