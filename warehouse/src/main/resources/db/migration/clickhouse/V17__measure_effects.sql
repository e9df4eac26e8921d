-- Issue 15: docs/methodology.md §13.5. Keep in step with ../duckdb/V17__measure_effects.sql, which says what each
-- column holds. As every mart since V7__publication.sql: the runs in <mart>__runs, partitioned by run_id, and the mart
-- a view of the run the published-run pointer names.
CREATE TABLE IF NOT EXISTS measure_effects__runs (
    run_id          String,
    list_year       Int32,
    track           Int32,
    measure_type    String,
    treated         Int32,
    controls        Int32,
    treated_change  Nullable(Float64),
    control_change  Nullable(Float64),
    effect          Nullable(Float64),
    ci_low          Nullable(Float64),
    ci_high         Nullable(Float64),
    note            Nullable(String)
) ENGINE = MergeTree PARTITION BY run_id ORDER BY (list_year, track, measure_type);
CREATE VIEW IF NOT EXISTS measure_effects AS SELECT * FROM measure_effects__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
