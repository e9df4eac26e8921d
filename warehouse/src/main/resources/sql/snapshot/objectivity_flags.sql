-- ФИОКО's list of schools with signs of non-objective ВПР results, as loaded.
SELECT year, school_id, note
FROM stg_objectivity_flags
WHERE load_id IN (SELECT load_id FROM meta_active_load)
ORDER BY year, school_id
