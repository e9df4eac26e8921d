-- Issue 14: the early warning's presentation views (docs/methodology.md §9), on both engines as V12 (read its header:
-- the same rules hold here). New views need their GRANT in docker/clickhouse/init/reader-grants.sql.in.

-- The forecast with each school's name and municipality (row-level security filters on it) and its flags in words.
CREATE VIEW v_early_warning AS
SELECT e.list_year AS list_year,
       sch.municipality AS municipality,
       e.school_id AS school_id,
       sch.school_name AS school_name,
       e.school_id || ' — ' || sch.school_name AS school,
       e.probability AS probability,
       e.rank AS rank,
       e.band AS band,
       e.factors AS factors,
       CASE WHEN e.risk_zone THEN 'да' ELSE 'нет' END AS risk_zone_label,
       CASE WHEN e.recommended THEN 'да' ELSE 'нет' END AS recommended_label,
       CAST(CASE WHEN e.recommended THEN 1 ELSE 0 END AS INTEGER) AS recommended_flag,
       e.method AS method,
       e.note AS note
FROM early_warning AS e
INNER JOIN v_schools AS sch ON sch.school_id = e.school_id;

-- The backtest is the region's, one set of figures; it is repeated for every municipality so that a municipal
-- coordinator, whose rows are filtered to their municipality, reads the same region-wide figures as the ministry.
CREATE VIEW v_early_warning_backtest AS
SELECT b.list_year AS list_year,
       m.municipality AS municipality,
       b.k AS k,
       b.recall_at_k AS recall_at_k,
       b.auc AS auc,
       b.baseline_recall_at_k AS baseline_recall_at_k,
       b.candidates AS candidates,
       b.baseline_flagged AS baseline_flagged,
       b.training_years AS training_years,
       b.note AS note
FROM early_warning_backtest AS b
CROSS JOIN (SELECT DISTINCT municipality FROM v_schools) AS m;

-- The calibration by decile, repeated per municipality as the backtest.
CREATE VIEW v_early_warning_calibration AS
SELECT c.decile AS decile,
       m.municipality AS municipality,
       c.schools AS schools,
       c.predicted AS predicted,
       c.observed AS observed
FROM early_warning_calibration AS c
CROSS JOIN (SELECT DISTINCT municipality FROM v_schools) AS m;
