-- bin/orientir export isb: the social well-being index (empty: fewer indicators than required) and the ШНСУ group.
SELECT year, school_id, isb, indicators_used, shnsu,
       shnor_shnsu, region
FROM isb
ORDER BY region, year, school_id
