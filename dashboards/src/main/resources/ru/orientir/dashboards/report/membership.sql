-- Every school of the municipality in every list year up to the brief's year, from the warehouse's view of the
-- published school_status with the transition in words (v_school_years.status_word, the words the dashboards show).
SELECT school_id, school_name, list_year, on_list, status_word, cluster, cluster_name, cluster_reason,
       consecutive_years, total_years, no_data_reason, shnor_shnsu
FROM v_school_years
WHERE municipality = ? AND list_year <= ?
ORDER BY school_id, list_year
