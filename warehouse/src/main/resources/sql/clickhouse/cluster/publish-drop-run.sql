-- Cluster mode (warehouse.cluster): drops one run's rows from a mart on every shard: the partition of its local
-- replicated table, ON CLUSTER ({run} is a checked run id literal, {cluster} a checked name). A no-op where the run
-- has no rows.
ALTER TABLE {table}__runs_local ON CLUSTER {cluster} DROP PARTITION {run}
