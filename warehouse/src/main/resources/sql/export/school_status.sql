-- bin/orientir export school_status: the column order is a contract (see README).
SELECT list_year, school_id, school_name, municipality, on_list,
       status, consecutive_years, total_years, cluster,
       no_data_reason, shnor_shnsu, region
FROM school_status
ORDER BY region, list_year, school_id
