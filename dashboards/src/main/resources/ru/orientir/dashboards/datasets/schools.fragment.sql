-- Each school's name and municipality as of its latest list year: the join that gives a mart keyed by school_id
-- the municipality column row-level security filters on. Written once here; views name it {schools}.
(SELECT school_id, argMax(school_name, list_year) AS school_name, argMax(municipality, list_year) AS municipality
 FROM school_status GROUP BY school_id)
