-- Cluster mode: the runs with rows in one mart on any node (parameters: the database, the local table
-- <mart>__runs_local): the active partitions of every replica of every shard.
SELECT DISTINCT partition FROM clusterAllReplicas('{cluster}', system.parts)
WHERE database = ? AND table = ? AND active
ORDER BY partition
