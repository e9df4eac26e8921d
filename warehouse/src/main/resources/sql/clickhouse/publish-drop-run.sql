-- Drops one run's rows from a mart: its partition ({run} is a checked run id literal). Cheap, and a no-op when the
-- run has no rows there.
ALTER TABLE {table}__runs DROP PARTITION {run}
