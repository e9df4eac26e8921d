-- The municipality's and its region's list year by year up to the brief's year (parameters: region, municipality,
-- list year).
SELECT level, list_year, schools, on_list, entered, first_time, "returning", stayed, "left", share_on_list, no_data
FROM list_transitions
WHERE region = ? AND ((level = 'municipality' AND municipality = ?) OR level = 'region') AND list_year <= ?
ORDER BY list_year, level
