-- Issue 11, the numbers as docs/methodology.md defines them. Keep in step with ../duckdb/V5__methodology.sql.

-- The computed list of a list year whose assessment year has no year before it cannot apply rule (b); an official-list
-- school without markers gets no severity but this note.
ALTER TABLE list_membership ADD COLUMN IF NOT EXISTS rule_b_undecided Nullable(Bool);
ALTER TABLE list_membership ADD COLUMN IF NOT EXISTS severity_note Nullable(String);

-- Why a school's list status could not be decided (status no_data): closed, no results, too few participants in every
-- procedure; and the regional programme's target group, ШНОР ∩ ШНСУ.
ALTER TABLE school_status ADD COLUMN IF NOT EXISTS no_data_reason Nullable(String);
ALTER TABLE school_status ADD COLUMN IF NOT EXISTS shnor_shnsu Nullable(Bool);

-- The schools whose status could not be decided that list year (empty in a year without history).
ALTER TABLE list_transitions ADD COLUMN IF NOT EXISTS no_data Nullable(Int32);

-- ШНОР ∩ ШНСУ for the assessment year of the ИСБ.
ALTER TABLE isb ADD COLUMN IF NOT EXISTS shnor_shnsu Nullable(Bool);
