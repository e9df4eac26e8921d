-- Issue 14: early warning (docs/methodology.md §9). Keep in step with ../clickhouse/V13__early_warning.sql.

-- The forecast: one row per school open in the last list year L, for list year L + 1. probability is the calibrated
-- probability of entering the list (empty for schools on the list, without results, or without enough history: note
-- says which); rank 1 is the highest; band высокий / средний / низкий by analytics.early-warning; factors the three
-- factors that raise the school's risk most, in Russian with its values; risk_zone the rule of cluster 4 in L;
-- recommended the list to watch (the model's, or the rule's where the model does not beat it: method says which).
CREATE TABLE early_warning (
    run_id       VARCHAR NOT NULL,
    list_year    INTEGER NOT NULL,
    school_id    VARCHAR NOT NULL,
    probability  DOUBLE,
    rank         INTEGER,
    band         VARCHAR,
    factors      VARCHAR,
    risk_zone    BOOLEAN NOT NULL,
    recommended  BOOLEAN NOT NULL,
    method       VARCHAR,
    note         VARCHAR
);

-- The backtest: per list year T, the model trained on the years before T only, against the schools that entered
-- in T (k of them); the rule of cluster 4 at the same k; candidates the schools checked, baseline_flagged those the
-- rule marked, training_years the years the model learnt from; note why a year has no figures.
CREATE TABLE early_warning_backtest (
    run_id                   VARCHAR NOT NULL,
    list_year                INTEGER NOT NULL,
    k                        INTEGER NOT NULL,
    recall_at_k              DOUBLE,
    precision_at_k           DOUBLE,
    auc                      DOUBLE,
    baseline_recall_at_k     DOUBLE,
    baseline_precision_at_k  DOUBLE,
    candidates               INTEGER NOT NULL,
    baseline_flagged         INTEGER NOT NULL,
    training_years           INTEGER NOT NULL,
    note                     VARCHAR
);

-- The backtest's held-out predictions in ten groups by predicted probability: mean predicted against the share
-- that entered.
CREATE TABLE early_warning_calibration (
    run_id     VARCHAR NOT NULL,
    decile     INTEGER NOT NULL,
    schools    INTEGER NOT NULL,
    predicted  DOUBLE  NOT NULL,
    observed   DOUBLE  NOT NULL
);
