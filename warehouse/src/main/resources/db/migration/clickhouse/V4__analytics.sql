-- Analytics marts and the two optional inputs they read (issue 4). Keep in step with ../duckdb/V4__analytics.sql.
-- Every mart row carries the run that computed it; meta_run.config_json holds the thresholds in force for that run.

-- ФИОКО's 500+ survey risk profiles, loaded as they are (never overwritten by the context profile).
CREATE TABLE IF NOT EXISTS stg_risk_survey (
    load_id    String,
    line       Int64,
    year       Int32,
    school_id  String,
    risk       String,
    level      String
) ENGINE = MergeTree ORDER BY (year, school_id, load_id, line);

-- ФИОКО's list of schools with signs of non-objective ВПР results.
CREATE TABLE IF NOT EXISTS stg_objectivity_flags (
    load_id    String,
    line       Int64,
    year       Int32,
    school_id  String,
    note       Nullable(String)
) ENGINE = MergeTree ORDER BY (year, school_id, load_id, line);

-- The computed list's evidence beside each membership row: which rule, which marked procedures, how severe, and
-- the assessment year the list year was built from (list year − 1).
ALTER TABLE list_membership ADD COLUMN IF NOT EXISTS rule Nullable(String);
ALTER TABLE list_membership ADD COLUMN IF NOT EXISTS procedures Nullable(String);
ALTER TABLE list_membership ADD COLUMN IF NOT EXISTS severity Nullable(String);
ALTER TABLE list_membership ADD COLUMN IF NOT EXISTS results_year Nullable(Int32);

-- Why a school sits in its cluster (for cluster 4, which condition put it in the risk zone).
ALTER TABLE school_status ADD COLUMN IF NOT EXISTS cluster_reason Nullable(String);

-- docs/methodology.md §1: one row per school, assessment year and procedure (ВПР grade + subject, ОГЭ or ЕГЭ subject).
CREATE TABLE IF NOT EXISTS school_year_markers (
    run_id           String,
    year             Int32,
    school_id        String,
    procedure        String,
    grade            Int32,
    subject          String,
    participants     Int32,
    mark2            Nullable(Int32),
    below_min        Nullable(Int32),
    share_mark2      Nullable(Float64),
    share_below_min  Nullable(Float64),
    threshold        Float64,
    marker           Nullable(Bool),
    mean_result      Nullable(Float64),
    note             String,
    source           String
) ENGINE = MergeTree ORDER BY (year, school_id, procedure, grade, subject);

-- docs/methodology.md §2: official against computed, for list years that have both; one row per school on either list.
CREATE TABLE IF NOT EXISTS list_agreement (
    run_id     String,
    list_year  Int32,
    school_id  String,
    official   Bool,
    computed   Bool
) ENGINE = MergeTree ORDER BY (list_year, school_id);

-- docs/methodology.md §5: each signal with its source; Orientir's own signal is never a verdict.
CREATE TABLE IF NOT EXISTS objectivity (
    run_id     String,
    year       Int32,
    school_id  String,
    signal     String,
    reason     String
) ENGINE = MergeTree ORDER BY (year, school_id, signal);

-- docs/methodology.md §6: the social well-being index (0–100 within the region-year) and the ШНСУ group.
CREATE TABLE IF NOT EXISTS isb (
    run_id           String,
    year             Int32,
    school_id        String,
    isb              Nullable(Float64),
    indicators_used  Int32,
    indicators       String,
    shnsu            Nullable(Bool)
) ENGINE = MergeTree ORDER BY (year, school_id);

-- docs/methodology.md §7: result index against ИСБ, the residual of the linear fit, and the training-site candidates.
CREATE TABLE IF NOT EXISTS resilience (
    run_id                String,
    year                  Int32,
    school_id             String,
    isb                   Nullable(Float64),
    result_index          Nullable(Float64),
    residual              Nullable(Float64),
    std_residual          Nullable(Float64),
    better_than_expected  Nullable(Bool),
    resilient             Nullable(Bool),
    training_site         Bool,
    training_site_reason  Nullable(String)
) ENGINE = MergeTree ORDER BY (year, school_id);

-- docs/methodology.md §8: one row per school, year and risk; source «context» (Orientir's proxy) or «survey» (ФИОКО).
CREATE TABLE IF NOT EXISTS risk_profile (
    run_id     String,
    year       Int32,
    school_id  String,
    risk       String,
    level      String,
    source     String,
    evidence   Nullable(String)
) ENGINE = MergeTree ORDER BY (year, school_id, risk, source);
