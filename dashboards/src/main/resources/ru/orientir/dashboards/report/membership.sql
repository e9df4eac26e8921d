-- Every school of the municipality in every list year up to the brief's year, from the published mart.
SELECT school_id, school_name, list_year, on_list, status, cluster, cluster_name, cluster_reason, consecutive_years,
       total_years, no_data_reason, shnor_shnsu
FROM school_status
WHERE municipality = ? AND list_year <= ?
ORDER BY school_id, list_year
