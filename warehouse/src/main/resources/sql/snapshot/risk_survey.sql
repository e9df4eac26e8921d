-- ФИОКО's survey risk profiles, as loaded.
SELECT year, school_id, risk, level
FROM stg_risk_survey
WHERE load_id IN (SELECT load_id FROM meta_active_load)
ORDER BY year, school_id, risk
