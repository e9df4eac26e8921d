-- bin/orientir export list_transitions: the column order is a contract (see README).
SELECT level, list_year, municipality, schools, on_list,
       entered, first_time, "returning", stayed, "left", share_on_list,
       no_data, region
FROM list_transitions
ORDER BY region, list_year, CASE WHEN level = 'region' THEN 0 ELSE 1 END, municipality
