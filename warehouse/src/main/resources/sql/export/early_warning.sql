-- bin/orientir export early_warning: the forecast for the next list year, riskiest first; schools without a
-- probability (on the list, no results, too little history) after them, with the reason in note.
SELECT list_year, school_id, probability, rank, band, factors, risk_zone, recommended, method, note, region
FROM early_warning
ORDER BY region, list_year, rank IS NULL, rank, school_id
