-- The school reference as the analytics read it: the rows of every active school file.
SELECT school_id, name, municipality, extra_json
FROM stg_schools
WHERE load_id IN (SELECT load_id FROM meta_active_load)
ORDER BY school_id
