-- Issue 11: a school's municipality is the one it had that year; unrecognised subjects as a mart.
-- Keep in step with ../duckdb/V9__school_years.sql.

-- The year a school reference row describes the school from (по состоянию на год, год справочника): the row holds
-- from that year until the school's next dated row. Null in references without the column: such a row is the
-- school's latest version, as before (sql/snapshot/schools.sql, school_years.sql).
ALTER TABLE stg_schools ADD COLUMN IF NOT EXISTS as_of_year Nullable(Int32);

-- docs/methodology.md §1.5: subjects no rule recognises, one row per assessment year, procedure and subject as the
-- files write it; subject is its normalised name, schools and file_rows how many schools and
-- rows of the result files use that spelling.
-- As every mart since V7__publication.sql: the runs in <mart>__runs, partitioned by run_id, and the mart a view of the
-- run the published-run pointer names.
CREATE TABLE IF NOT EXISTS unrecognised_subjects__runs (
    run_id          String,
    year            Int32,
    procedure       String,
    subject_as_written String,
    subject         String,
    schools         Int64,
    file_rows       Int64,
    reason          String
) ENGINE = MergeTree PARTITION BY run_id ORDER BY (year, procedure, subject_as_written);
CREATE VIEW IF NOT EXISTS unrecognised_subjects AS SELECT * FROM unrecognised_subjects__runs
WHERE run_id = (SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1);
