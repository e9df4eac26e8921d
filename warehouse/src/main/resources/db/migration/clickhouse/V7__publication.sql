-- One publication for all marts (issue 10). Keep in step with ../duckdb/V7__publication.sql.
--
-- ClickHouse has no transactions, and EXCHANGE TABLES swaps one table at a time: a failure between two swaps left
-- marts of two runs side by side. From here on each mart's rows live in <mart>__runs, partitioned by run_id, and the
-- mart itself is a view of the run the published-run pointer (meta_publication) names. A publication loads the new
-- run into every <mart>__runs, then inserts one pointer row: readers switch from the old run to the new one for all
-- marts at once. Old runs' partitions are dropped after the switch (ClickHouseWarehouse.publish).
--
-- A later migration that changes a mart's columns alters <mart>__runs and then re-creates the view
-- (CREATE OR REPLACE VIEW <mart> AS SELECT * FROM <mart>__runs WHERE run_id = (SELECT … FROM meta_publication)):
-- a ClickHouse view keeps the columns it was created with.

CREATE TABLE IF NOT EXISTS meta_publication (
    run_id        String,
    published_at  DateTime64(3, 'UTC')
) ENGINE = MergeTree ORDER BY (published_at, run_id);

INSERT INTO meta_publication (run_id, published_at)
SELECT run_id, now64(3, 'UTC') FROM (SELECT DISTINCT run_id FROM list_transitions) LIMIT 1;

CREATE TABLE list_membership__runs AS list_membership ENGINE = MergeTree PARTITION BY run_id ORDER BY (list_year, school_id);
INSERT INTO list_membership__runs SELECT * FROM list_membership;
DROP TABLE list_membership;
CREATE VIEW list_membership AS SELECT * FROM list_membership__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);

CREATE TABLE school_status__runs AS school_status ENGINE = MergeTree PARTITION BY run_id ORDER BY (list_year, school_id);
INSERT INTO school_status__runs SELECT * FROM school_status;
DROP TABLE school_status;
CREATE VIEW school_status AS SELECT * FROM school_status__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);

CREATE TABLE list_transitions__runs AS list_transitions ENGINE = MergeTree PARTITION BY run_id ORDER BY (list_year, level);
INSERT INTO list_transitions__runs SELECT * FROM list_transitions;
DROP TABLE list_transitions;
CREATE VIEW list_transitions AS SELECT * FROM list_transitions__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);

CREATE TABLE school_year_markers__runs AS school_year_markers ENGINE = MergeTree PARTITION BY run_id ORDER BY (year, school_id, procedure, grade, subject);
INSERT INTO school_year_markers__runs SELECT * FROM school_year_markers;
DROP TABLE school_year_markers;
CREATE VIEW school_year_markers AS SELECT * FROM school_year_markers__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);

CREATE TABLE list_agreement__runs AS list_agreement ENGINE = MergeTree PARTITION BY run_id ORDER BY (list_year, school_id);
INSERT INTO list_agreement__runs SELECT * FROM list_agreement;
DROP TABLE list_agreement;
CREATE VIEW list_agreement AS SELECT * FROM list_agreement__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);

CREATE TABLE objectivity__runs AS objectivity ENGINE = MergeTree PARTITION BY run_id ORDER BY (year, school_id, signal);
INSERT INTO objectivity__runs SELECT * FROM objectivity;
DROP TABLE objectivity;
CREATE VIEW objectivity AS SELECT * FROM objectivity__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);

CREATE TABLE isb__runs AS isb ENGINE = MergeTree PARTITION BY run_id ORDER BY (year, school_id);
INSERT INTO isb__runs SELECT * FROM isb;
DROP TABLE isb;
CREATE VIEW isb AS SELECT * FROM isb__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);

CREATE TABLE resilience__runs AS resilience ENGINE = MergeTree PARTITION BY run_id ORDER BY (year, school_id);
INSERT INTO resilience__runs SELECT * FROM resilience;
DROP TABLE resilience;
CREATE VIEW resilience AS SELECT * FROM resilience__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);

CREATE TABLE risk_profile__runs AS risk_profile ENGINE = MergeTree PARTITION BY run_id ORDER BY (year, school_id, risk, source);
INSERT INTO risk_profile__runs SELECT * FROM risk_profile;
DROP TABLE risk_profile;
CREATE VIEW risk_profile AS SELECT * FROM risk_profile__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
