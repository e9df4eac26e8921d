-- Issue 16: many regions in one warehouse. Keep in step with ../duckdb/V19__region.sql.
--
-- region: the code of the subject of the Russian Federation (код субъекта РФ) a school belongs to, from the school
-- reference's optional column «код субъекта» / «регион». Empty ('') in references without it: such schools belong to
-- the installation's one region (docs/methodology.md §0). Never null: on a cluster it is part of the sharding key. Every mart carries the region of its
-- rows as its last column; the per-region rules (ИСБ and its quartiles, resilience, shares, transitions, the early
-- warning's model) are computed within it.
ALTER TABLE stg_schools ADD COLUMN IF NOT EXISTS region String DEFAULT '';

-- As V7__publication.sql says: a mart's columns change in <mart>__runs, then its view is re-created (a ClickHouse
-- view keeps the columns it was created with).
ALTER TABLE school_year_markers__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW school_year_markers AS SELECT * FROM school_year_markers__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE unrecognised_subjects__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW unrecognised_subjects AS SELECT * FROM unrecognised_subjects__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE list_membership__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW list_membership AS SELECT * FROM list_membership__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE list_agreement__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW list_agreement AS SELECT * FROM list_agreement__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE isb__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW isb AS SELECT * FROM isb__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE school_status__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW school_status AS SELECT * FROM school_status__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE list_transitions__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW list_transitions AS SELECT * FROM list_transitions__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE objectivity__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW objectivity AS SELECT * FROM objectivity__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE resilience__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW resilience AS SELECT * FROM resilience__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE risk_profile__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW risk_profile AS SELECT * FROM risk_profile__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE early_warning__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW early_warning AS SELECT * FROM early_warning__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE early_warning_backtest__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW early_warning_backtest AS SELECT * FROM early_warning_backtest__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE early_warning_calibration__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW early_warning_calibration AS SELECT * FROM early_warning_calibration__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
ALTER TABLE measure_effects__runs ADD COLUMN IF NOT EXISTS region String DEFAULT '';
CREATE OR REPLACE VIEW measure_effects AS SELECT * FROM measure_effects__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
