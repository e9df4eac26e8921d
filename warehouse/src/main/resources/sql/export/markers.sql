-- bin/orientir export markers: the column order is a contract (see README). marker is empty when too few took part.
SELECT year, school_id, procedure, grade, subject, participants, share_mark2, share_below_min, marker, region
FROM school_year_markers
ORDER BY region, year, school_id, procedure, grade, subject
