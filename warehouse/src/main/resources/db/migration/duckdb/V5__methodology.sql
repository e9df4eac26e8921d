-- Issue 11, the numbers as docs/methodology.md defines them. Keep in step with ../clickhouse/V5__methodology.sql.

-- The computed list of a list year whose assessment year has no year before it cannot apply rule (b); an official-list
-- school without markers gets no severity but this note.
ALTER TABLE list_membership ADD COLUMN rule_b_undecided BOOLEAN;
ALTER TABLE list_membership ADD COLUMN severity_note VARCHAR;

-- Why a school's list status could not be decided (status no_data): closed, no results, too few participants in every
-- procedure; and the regional programme's target group, ШНОР ∩ ШНСУ.
ALTER TABLE school_status ADD COLUMN no_data_reason VARCHAR;
ALTER TABLE school_status ADD COLUMN shnor_shnsu BOOLEAN;

-- The schools whose status could not be decided that list year (empty in a year without history).
ALTER TABLE list_transitions ADD COLUMN no_data INTEGER;

-- ШНОР ∩ ШНСУ for the assessment year of the ИСБ.
ALTER TABLE isb ADD COLUMN shnor_shnsu BOOLEAN;
