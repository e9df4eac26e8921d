-- Cluster mode: a mart the publication does not replace keeps its rows, copied under the new run id through the
-- Distributed table, synchronously (the rows are on their shards when the statement returns). As the single-server
-- statement, the source column is qualified.
INSERT INTO {table}__runs SETTINGS distributed_foreground_insert = 1
SELECT * REPLACE ({to} AS run_id) FROM {table}__runs AS src WHERE src.run_id = {from}
