-- bin/orientir export objectivity: each signal with its source (fioko, official_list, vpr_below_oge).
SELECT year, school_id, signal, reason, region
FROM objectivity
ORDER BY region, year, school_id, signal, reason
