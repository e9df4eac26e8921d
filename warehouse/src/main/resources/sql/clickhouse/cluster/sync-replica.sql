-- Cluster mode: every replica of the table fetches what its shard's other replicas have ({table} is a local replicated
-- table or the global meta_publication); returns when each one has caught up, fails when one cannot be reached.
SYSTEM SYNC REPLICA ON CLUSTER {cluster} {table}
