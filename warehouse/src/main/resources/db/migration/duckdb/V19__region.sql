-- Issue 16: many regions in one warehouse. Keep in step with ../clickhouse/V19__region.sql, which says what the
-- column holds. A mart row without a region (written before this migration) belongs to the installation's one
-- region, ''.
ALTER TABLE stg_schools ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE stg_schools ALTER COLUMN region SET NOT NULL;
ALTER TABLE school_year_markers ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE school_year_markers ALTER COLUMN region SET NOT NULL;
ALTER TABLE unrecognised_subjects ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE unrecognised_subjects ALTER COLUMN region SET NOT NULL;
ALTER TABLE list_membership ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE list_membership ALTER COLUMN region SET NOT NULL;
ALTER TABLE list_agreement ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE list_agreement ALTER COLUMN region SET NOT NULL;
ALTER TABLE isb ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE isb ALTER COLUMN region SET NOT NULL;
ALTER TABLE school_status ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE school_status ALTER COLUMN region SET NOT NULL;
ALTER TABLE list_transitions ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE list_transitions ALTER COLUMN region SET NOT NULL;
ALTER TABLE objectivity ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE objectivity ALTER COLUMN region SET NOT NULL;
ALTER TABLE resilience ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE resilience ALTER COLUMN region SET NOT NULL;
ALTER TABLE risk_profile ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE risk_profile ALTER COLUMN region SET NOT NULL;
ALTER TABLE early_warning ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE early_warning ALTER COLUMN region SET NOT NULL;
ALTER TABLE early_warning_backtest ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE early_warning_backtest ALTER COLUMN region SET NOT NULL;
ALTER TABLE early_warning_calibration ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE early_warning_calibration ALTER COLUMN region SET NOT NULL;
ALTER TABLE measure_effects ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE measure_effects ALTER COLUMN region SET NOT NULL;
