-- The official lists as published, one row per list year and school, from active loads only.
SELECT list_year, school_id, reason
FROM stg_official_list
WHERE load_id IN (SELECT load_id FROM meta_active_load)
ORDER BY list_year, school_id
