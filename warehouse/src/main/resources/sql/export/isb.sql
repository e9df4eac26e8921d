-- bin/orientir export isb: the social well-being index (empty: fewer indicators than required) and the ШНСУ group.
SELECT year, school_id, isb, indicators_used, shnsu,
       shnor_shnsu
FROM isb
ORDER BY year, school_id
