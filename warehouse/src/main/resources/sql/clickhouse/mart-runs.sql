-- The runs with rows in one mart's table (parameter: the table, <mart>__runs): its active partitions.
SELECT DISTINCT partition FROM system.parts
WHERE database = currentDatabase() AND table = ? AND active
ORDER BY partition
