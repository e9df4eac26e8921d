-- The marts of this database: each keeps its runs in <mart>__runs (partitioned by run_id) behind a view <mart>.
SELECT name FROM system.tables WHERE database = currentDatabase() AND endsWith(name, '__runs') ORDER BY name
