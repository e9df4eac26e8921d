-- The municipality's roadmap indicators by year up to the brief's list year (docs/methodology.md §13.3): schools
-- reporting, and the share or mean of each indicator over the schools that gave it. Parameters: municipality, list year.
SELECT year, CAST(COUNT(*) AS BIGINT) AS reporting,
       AVG(curator_assigned) AS curator_share, AVG(iom_share) AS iom_mean, AVG(training_share) AS training_mean,
       AVG(antirisk_programme) AS antirisk_share, AVG(head_self_score) AS head_self_mean,
       AVG(head_external_score) AS head_external_mean
FROM v_roadmap
WHERE municipality = ? AND year <= ?
GROUP BY year
ORDER BY year
