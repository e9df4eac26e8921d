-- Run for every mart inside one transaction, followed by the inserts of publish-insert.sql: DuckDB's MVCC shows
-- readers the previous publication until the commit, and the migrated table (with its NOT NULLs) stays in place.
DELETE FROM {table}
