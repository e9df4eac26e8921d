-- Cluster mode: the run each node's copy of the published-run pointer names (empty where it has no row yet), every
-- replica of the cluster listed. Readers on a node see the run its own copy names, so a run named by any of them
-- keeps its partitions.
SELECT r.shard AS shard, r.replica AS replica, p.run_id AS run_id
FROM (SELECT getMacro('shard') AS shard, getMacro('replica') AS replica
      FROM clusterAllReplicas('{cluster}', system.one)) AS r
LEFT JOIN (SELECT getMacro('shard') AS shard, getMacro('replica') AS replica,
                  argMax(run_id, (published_at, run_id)) AS run_id
           FROM clusterAllReplicas('{cluster}', {database}.meta_publication)
           GROUP BY shard, replica) AS p
       ON p.shard = r.shard AND p.replica = r.replica
ORDER BY shard, replica
