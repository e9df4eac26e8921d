-- Context indicators per school and year (ИСБ, context risks).
SELECT year, school_id, parents_higher_education_share, unemployed_parents_share, low_income_share,
       non_native_russian_share, ovz_share, settlement_population, distance_km, direct_transport, internet,
       computers_per_100
FROM stg_school_context
WHERE load_id IN (SELECT load_id FROM meta_active_load)
ORDER BY year, school_id
