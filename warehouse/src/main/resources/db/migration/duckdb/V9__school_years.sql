-- Issue 11: a school's municipality is the one it had that year; unrecognised subjects as a mart.
-- Keep in step with ../clickhouse/V9__school_years.sql.

-- The year a school reference row describes the school from (по состоянию на год, год справочника): the row holds
-- from that year until the school's next dated row. Null in references without the column: such a row is the
-- school's latest version, as before (sql/snapshot/schools.sql, school_years.sql).
ALTER TABLE stg_schools ADD COLUMN as_of_year INTEGER;

-- docs/methodology.md §1.5: subjects no rule recognises, one row per assessment year, procedure and subject as the
-- files write it; subject is its normalised name, schools and file_rows how many schools and
-- rows of the result files use that spelling.
CREATE TABLE unrecognised_subjects (
    run_id          VARCHAR NOT NULL,
    year            INTEGER NOT NULL,
    procedure       VARCHAR NOT NULL,
    subject_as_written VARCHAR NOT NULL,
    subject         VARCHAR NOT NULL,
    schools         BIGINT  NOT NULL,
    file_rows       BIGINT  NOT NULL,
    reason          VARCHAR NOT NULL
);
