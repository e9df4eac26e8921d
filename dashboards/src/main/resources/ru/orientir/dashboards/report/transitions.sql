-- The municipality's and the region's list year by year up to the brief's year.
SELECT level, list_year, schools, on_list, entered, first_time, "returning", stayed, "left", share_on_list, no_data
FROM list_transitions
WHERE ((level = 'municipality' AND municipality = ?) OR level = 'region') AND list_year <= ?
ORDER BY list_year, level
