-- Run history for the schedule (issue 6). Keep in step with ../clickhouse/V3__run_history.sql.
-- The new meta_run columns are nullable: runs recorded before this migration have no value for them.

-- How the run was started (run, schedule, demo), how many times it was started (1 = never interrupted; more when a
-- killed or failed-over run was resumed), the step it resumed from, and the configuration in force (no secrets).
ALTER TABLE meta_run ADD COLUMN triggered_by VARCHAR;
ALTER TABLE meta_run ADD COLUMN executions INTEGER;
ALTER TABLE meta_run ADD COLUMN resumed_from VARCHAR;
ALTER TABLE meta_run ADD COLUMN config_json VARCHAR;

-- One row per attempt of a pipeline step (ingest, snapshot, analytics, publish), written when the run ends.
CREATE TABLE meta_run_step (
    run_id       VARCHAR   NOT NULL,
    step         VARCHAR   NOT NULL,
    attempt      INTEGER   NOT NULL,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP NOT NULL,
    status       VARCHAR   NOT NULL,
    error        VARCHAR
);
