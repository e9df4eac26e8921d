-- bin/orientir export list_agreement: official against computed, for list years that have both.
SELECT list_year, school_id, official, computed, region
FROM list_agreement
ORDER BY region, list_year, school_id
