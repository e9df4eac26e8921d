-- Run history for the schedule (issue 6). Keep in step with ../duckdb/V3__run_history.sql.
-- The new meta_run columns are nullable: runs recorded before this migration have no value for them.

ALTER TABLE meta_run ADD COLUMN IF NOT EXISTS triggered_by Nullable(String);
ALTER TABLE meta_run ADD COLUMN IF NOT EXISTS executions Nullable(Int32);
ALTER TABLE meta_run ADD COLUMN IF NOT EXISTS resumed_from Nullable(String);
ALTER TABLE meta_run ADD COLUMN IF NOT EXISTS config_json Nullable(String);

-- One row per attempt of a pipeline step (ingest, snapshot, analytics, publish), written when the run ends.
CREATE TABLE IF NOT EXISTS meta_run_step (
    run_id       String,
    step         String,
    attempt      Int32,
    started_at   DateTime64(3, 'UTC'),
    finished_at  DateTime64(3, 'UTC'),
    status       String,
    error        Nullable(String)
) ENGINE = MergeTree ORDER BY (run_id, step, attempt);
