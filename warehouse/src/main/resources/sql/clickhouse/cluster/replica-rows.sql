-- Cluster mode: how many rows of run {run} each replica of each shard holds in one mart's local table, every replica
-- of the cluster listed (0 where it holds none). getMacro is evaluated on each node: its own {shard} and {replica}.
SELECT r.shard AS shard, r.replica AS replica, c.rows AS rows
FROM (SELECT getMacro('shard') AS shard, getMacro('replica') AS replica
      FROM clusterAllReplicas('{cluster}', system.one)) AS r
LEFT JOIN (SELECT getMacro('shard') AS shard, getMacro('replica') AS replica, count() AS rows
           FROM clusterAllReplicas('{cluster}', {database}.{table}__runs_local)
           WHERE run_id = {run}
           GROUP BY shard, replica) AS c
       ON c.shard = r.shard AND c.replica = r.replica
ORDER BY shard, replica
