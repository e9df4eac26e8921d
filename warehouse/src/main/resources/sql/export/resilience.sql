-- bin/orientir export resilience: the result index against ИСБ and the residual of the year's linear fit.
SELECT year, school_id, isb, result_index, residual, resilient, region
FROM resilience
ORDER BY region, year, school_id
