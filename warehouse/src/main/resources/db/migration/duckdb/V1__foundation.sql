-- Orientir warehouse, DuckDB edition. Keep in step with ../clickhouse/V1__foundation.sql:
-- SchemaParityTest fails when the two differ in tables, columns, types or nullability.

-- Run and load history (append-only: a row is written once, when the thing it describes ends).
CREATE TABLE meta_run (
    run_id            VARCHAR   NOT NULL,
    command           VARCHAR   NOT NULL,
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP NOT NULL,
    status            VARCHAR   NOT NULL,
    files_seen        INTEGER   NOT NULL,
    files_loaded      INTEGER   NOT NULL,
    files_skipped     INTEGER   NOT NULL,
    files_failed      INTEGER   NOT NULL,
    rows_read         BIGINT    NOT NULL,
    rows_loaded       BIGINT    NOT NULL,
    rows_quarantined  BIGINT    NOT NULL,
    marts_published   VARCHAR   NOT NULL,
    error             VARCHAR
);

CREATE TABLE meta_load (
    load_id           VARCHAR   NOT NULL,
    run_id            VARCHAR   NOT NULL,
    file              VARCHAR   NOT NULL,
    kind              VARCHAR   NOT NULL,
    content_sha256    VARCHAR   NOT NULL,
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP NOT NULL,
    rows_read         BIGINT    NOT NULL,
    rows_loaded       BIGINT    NOT NULL,
    rows_quarantined  BIGINT    NOT NULL,
    status            VARCHAR   NOT NULL,
    message           VARCHAR
);

-- Every rejected input row, whole, with the reason a user reads (in Russian).
CREATE TABLE meta_quarantine (
    load_id  VARCHAR NOT NULL,
    file     VARCHAR NOT NULL,
    line     BIGINT  NOT NULL,
    field    VARCHAR,
    reason   VARCHAR NOT NULL,
    raw      VARCHAR NOT NULL
);

-- Staging: one table per source, typed, tagged with the load that brought each row.
CREATE TABLE stg_schools (
    load_id       VARCHAR NOT NULL,
    line          BIGINT  NOT NULL,
    school_id     VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    municipality  VARCHAR NOT NULL,
    extra_json    VARCHAR NOT NULL
);

CREATE TABLE stg_official_list (
    load_id    VARCHAR NOT NULL,
    line       BIGINT  NOT NULL,
    list_year  INTEGER NOT NULL,
    school_id  VARCHAR NOT NULL,
    reason     VARCHAR
);

-- Marts (replaced as a whole by each run's publication; every row carries its run).
CREATE TABLE list_membership (
    run_id     VARCHAR NOT NULL,
    list_year  INTEGER NOT NULL,
    school_id  VARCHAR NOT NULL,
    on_list    BOOLEAN NOT NULL,
    source     VARCHAR,
    reasons    VARCHAR
);

CREATE TABLE school_status (
    run_id             VARCHAR NOT NULL,
    list_year          INTEGER NOT NULL,
    school_id          VARCHAR NOT NULL,
    school_name        VARCHAR NOT NULL,
    municipality       VARCHAR NOT NULL,
    on_list            BOOLEAN NOT NULL,
    status             VARCHAR,
    consecutive_years  INTEGER NOT NULL,
    total_years        INTEGER NOT NULL,
    cluster            INTEGER,
    cluster_name       VARCHAR NOT NULL
);

CREATE TABLE list_transitions (
    run_id         VARCHAR NOT NULL,
    level          VARCHAR NOT NULL,
    list_year      INTEGER NOT NULL,
    municipality   VARCHAR,
    schools        INTEGER NOT NULL,
    on_list        INTEGER NOT NULL,
    entered        INTEGER,
    first_time     INTEGER,
    "returning"    INTEGER,
    stayed         INTEGER,
    "left"         INTEGER,
    share_on_list  DOUBLE  NOT NULL
);

-- The load that currently stands for each file: its latest successful load. Older versions of a changed file,
-- and partial rows of a failed load, are never read through this view.
CREATE VIEW meta_active_load AS
SELECT load_id, file, kind, content_sha256, finished_at
FROM (
    SELECT load_id, file, kind, content_sha256, finished_at,
           row_number() OVER (PARTITION BY file ORDER BY finished_at DESC, load_id DESC) AS rn
    FROM meta_load
    WHERE status = 'loaded'
) ranked
WHERE rn = 1;
