-- Analytics marts and the two optional inputs they read (issue 4). Keep in step with ../clickhouse/V4__analytics.sql.
-- Every mart row carries the run that computed it; meta_run.config_json holds the thresholds in force for that run.

-- ФИОКО's 500+ survey risk profiles, loaded as they are (never overwritten by the context profile).
CREATE TABLE stg_risk_survey (
    load_id    VARCHAR NOT NULL,
    line       BIGINT  NOT NULL,
    year       INTEGER NOT NULL,
    school_id  VARCHAR NOT NULL,
    risk       VARCHAR NOT NULL,
    level      VARCHAR NOT NULL
);

-- ФИОКО's list of schools with signs of non-objective ВПР results.
CREATE TABLE stg_objectivity_flags (
    load_id    VARCHAR NOT NULL,
    line       BIGINT  NOT NULL,
    year       INTEGER NOT NULL,
    school_id  VARCHAR NOT NULL,
    note       VARCHAR
);

-- The computed list's evidence beside each membership row: which rule, which marked procedures, how severe, and
-- the assessment year the list year was built from (list year − 1).
ALTER TABLE list_membership ADD COLUMN rule VARCHAR;
ALTER TABLE list_membership ADD COLUMN procedures VARCHAR;
ALTER TABLE list_membership ADD COLUMN severity VARCHAR;
ALTER TABLE list_membership ADD COLUMN results_year INTEGER;

-- Why a school sits in its cluster (for cluster 4, which condition put it in the risk zone).
ALTER TABLE school_status ADD COLUMN cluster_reason VARCHAR;

-- docs/methodology.md §1: one row per school, assessment year and procedure (ВПР grade + subject, ОГЭ or ЕГЭ subject).
CREATE TABLE school_year_markers (
    run_id           VARCHAR NOT NULL,
    year             INTEGER NOT NULL,
    school_id        VARCHAR NOT NULL,
    procedure        VARCHAR NOT NULL,
    grade            INTEGER NOT NULL,
    subject          VARCHAR NOT NULL,
    participants     INTEGER NOT NULL,
    mark2            INTEGER,
    below_min        INTEGER,
    share_mark2      DOUBLE,
    share_below_min  DOUBLE,
    threshold        DOUBLE  NOT NULL,
    marker           BOOLEAN,
    mean_result      DOUBLE,
    note             VARCHAR NOT NULL,
    source           VARCHAR NOT NULL
);

-- docs/methodology.md §2: official against computed, for list years that have both; one row per school on either list.
CREATE TABLE list_agreement (
    run_id     VARCHAR NOT NULL,
    list_year  INTEGER NOT NULL,
    school_id  VARCHAR NOT NULL,
    official   BOOLEAN NOT NULL,
    computed   BOOLEAN NOT NULL
);

-- docs/methodology.md §5: each signal with its source; Orientir's own signal is never a verdict.
CREATE TABLE objectivity (
    run_id     VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    school_id  VARCHAR NOT NULL,
    signal     VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL
);

-- docs/methodology.md §6: the social well-being index (0–100 within the region-year) and the ШНСУ group.
CREATE TABLE isb (
    run_id           VARCHAR NOT NULL,
    year             INTEGER NOT NULL,
    school_id        VARCHAR NOT NULL,
    isb              DOUBLE,
    indicators_used  INTEGER NOT NULL,
    indicators       VARCHAR NOT NULL,
    shnsu            BOOLEAN
);

-- docs/methodology.md §7: result index against ИСБ, the residual of the linear fit, and the training-site candidates.
CREATE TABLE resilience (
    run_id                VARCHAR NOT NULL,
    year                  INTEGER NOT NULL,
    school_id             VARCHAR NOT NULL,
    isb                   DOUBLE,
    result_index          DOUBLE,
    residual              DOUBLE,
    std_residual          DOUBLE,
    better_than_expected  BOOLEAN,
    resilient             BOOLEAN,
    training_site         BOOLEAN NOT NULL,
    training_site_reason  VARCHAR
);

-- docs/methodology.md §8: one row per school, year and risk; source «context» (Orientir's proxy) or «survey» (ФИОКО).
CREATE TABLE risk_profile (
    run_id     VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    school_id  VARCHAR NOT NULL,
    risk       VARCHAR NOT NULL,
    level      VARCHAR NOT NULL,
    source     VARCHAR NOT NULL,
    evidence   VARCHAR
);
