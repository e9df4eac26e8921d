-- Orientir warehouse, ClickHouse edition. Keep in step with ../duckdb/V1__foundation.sql:
-- SchemaParityTest fails when the two differ in tables, columns, types or nullability.
-- Tables are MergeTree; the scale-out path (ReplicatedMergeTree + Distributed) keeps these columns.

CREATE TABLE IF NOT EXISTS meta_run (
    run_id            String,
    command           String,
    started_at        DateTime64(3, 'UTC'),
    finished_at       DateTime64(3, 'UTC'),
    status            String,
    files_seen        Int32,
    files_loaded      Int32,
    files_skipped     Int32,
    files_failed      Int32,
    rows_read         Int64,
    rows_loaded       Int64,
    rows_quarantined  Int64,
    marts_published   String,
    error             Nullable(String)
) ENGINE = MergeTree ORDER BY (started_at, run_id);

CREATE TABLE IF NOT EXISTS meta_load (
    load_id           String,
    run_id            String,
    file              String,
    kind              String,
    content_sha256    String,
    started_at        DateTime64(3, 'UTC'),
    finished_at       DateTime64(3, 'UTC'),
    rows_read         Int64,
    rows_loaded       Int64,
    rows_quarantined  Int64,
    status            String,
    message           Nullable(String)
) ENGINE = MergeTree ORDER BY (file, started_at, load_id);

CREATE TABLE IF NOT EXISTS meta_quarantine (
    load_id  String,
    file     String,
    line     Int64,
    field    Nullable(String),
    reason   String,
    raw      String
) ENGINE = MergeTree ORDER BY (load_id, line);

CREATE TABLE IF NOT EXISTS stg_schools (
    load_id       String,
    line          Int64,
    school_id     String,
    name          String,
    municipality  String,
    extra_json    String
) ENGINE = MergeTree ORDER BY (load_id, line);

CREATE TABLE IF NOT EXISTS stg_official_list (
    load_id    String,
    line       Int64,
    list_year  Int32,
    school_id  String,
    reason     Nullable(String)
) ENGINE = MergeTree ORDER BY (load_id, line);

CREATE TABLE IF NOT EXISTS list_membership (
    run_id     String,
    list_year  Int32,
    school_id  String,
    on_list    Bool,
    source     Nullable(String),
    reasons    Nullable(String)
) ENGINE = MergeTree ORDER BY (list_year, school_id);

CREATE TABLE IF NOT EXISTS school_status (
    run_id             String,
    list_year          Int32,
    school_id          String,
    school_name        String,
    municipality       String,
    on_list            Bool,
    status             Nullable(String),
    consecutive_years  Int32,
    total_years        Int32,
    cluster            Nullable(Int32),
    cluster_name       String
) ENGINE = MergeTree ORDER BY (list_year, school_id);

CREATE TABLE IF NOT EXISTS list_transitions (
    run_id         String,
    level          String,
    list_year      Int32,
    municipality   Nullable(String),
    schools        Int32,
    on_list        Int32,
    entered        Nullable(Int32),
    first_time     Nullable(Int32),
    `returning`    Nullable(Int32),
    stayed         Nullable(Int32),
    `left`         Nullable(Int32),
    share_on_list  Float64
) ENGINE = MergeTree ORDER BY (list_year, level);

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
