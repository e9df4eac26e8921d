-- Issue 14: early warning (docs/methodology.md §9). Keep in step with ../duckdb/V13__early_warning.sql, which says
-- what each column holds. As every mart since V7__publication.sql: the runs in <mart>__runs, partitioned by run_id,
-- and the mart a view of the run the published-run pointer names.
CREATE TABLE IF NOT EXISTS early_warning__runs (
    run_id       String,
    list_year    Int32,
    school_id    String,
    probability  Nullable(Float64),
    rank         Nullable(Int32),
    band         Nullable(String),
    factors      Nullable(String),
    risk_zone    Bool,
    recommended  Bool,
    method       Nullable(String),
    note         Nullable(String)
) ENGINE = MergeTree PARTITION BY run_id ORDER BY (list_year, school_id);
CREATE VIEW IF NOT EXISTS early_warning AS SELECT * FROM early_warning__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);

CREATE TABLE IF NOT EXISTS early_warning_backtest__runs (
    run_id                   String,
    list_year                Int32,
    k                        Int32,
    recall_at_k              Nullable(Float64),
    precision_at_k           Nullable(Float64),
    auc                      Nullable(Float64),
    baseline_recall_at_k     Nullable(Float64),
    baseline_precision_at_k  Nullable(Float64),
    candidates               Int32,
    baseline_flagged         Int32,
    training_years           Int32,
    note                     Nullable(String)
) ENGINE = MergeTree PARTITION BY run_id ORDER BY list_year;
CREATE VIEW IF NOT EXISTS early_warning_backtest AS SELECT * FROM early_warning_backtest__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);

CREATE TABLE IF NOT EXISTS early_warning_calibration__runs (
    run_id     String,
    decile     Int32,
    schools    Int32,
    predicted  Float64,
    observed   Float64
) ENGINE = MergeTree PARTITION BY run_id ORDER BY decile;
CREATE VIEW IF NOT EXISTS early_warning_calibration AS SELECT * FROM early_warning_calibration__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
