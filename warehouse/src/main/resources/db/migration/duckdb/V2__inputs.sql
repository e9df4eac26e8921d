-- Staging for exam results, context and staffing (issue 3). Keep in step with ../clickhouse/V2__inputs.sql.

-- Student-level results; participant_key is a keyed hash of the participant id, never the id itself.
CREATE TABLE stg_exam_results (
    load_id          VARCHAR NOT NULL,
    line             BIGINT  NOT NULL,
    year             INTEGER NOT NULL,
    procedure        VARCHAR NOT NULL,
    grade            INTEGER NOT NULL,
    subject          VARCHAR NOT NULL,
    school_id        VARCHAR NOT NULL,
    participant_key  VARCHAR NOT NULL,
    mark             INTEGER,
    score            DOUBLE
);

-- School-level aggregates, for regions that only have those.
CREATE TABLE stg_exam_aggregates (
    load_id       VARCHAR NOT NULL,
    line          BIGINT  NOT NULL,
    year          INTEGER NOT NULL,
    procedure     VARCHAR NOT NULL,
    grade         INTEGER NOT NULL,
    subject       VARCHAR NOT NULL,
    school_id     VARCHAR NOT NULL,
    participants  INTEGER NOT NULL,
    mark2         INTEGER NOT NULL,
    mark3         INTEGER NOT NULL,
    mark4         INTEGER NOT NULL,
    mark5         INTEGER NOT NULL,
    below_min     INTEGER,
    mean_score    DOUBLE
);

CREATE TABLE stg_school_context (
    load_id                         VARCHAR NOT NULL,
    line                            BIGINT  NOT NULL,
    year                            INTEGER NOT NULL,
    school_id                       VARCHAR NOT NULL,
    parents_higher_education_share  DOUBLE,
    unemployed_parents_share        DOUBLE,
    low_income_share                DOUBLE,
    non_native_russian_share        DOUBLE,
    ovz_share                       DOUBLE,
    settlement_population           BIGINT,
    distance_km                     DOUBLE,
    direct_transport                BOOLEAN,
    internet                        VARCHAR,
    computers_per_100               DOUBLE
);

CREATE TABLE stg_staffing (
    load_id                    VARCHAR NOT NULL,
    line                       BIGINT  NOT NULL,
    year                       INTEGER NOT NULL,
    school_id                  VARCHAR NOT NULL,
    school_name                VARCHAR,
    students                   INTEGER,
    staff                      INTEGER NOT NULL,
    teachers                   INTEGER NOT NULL,
    vacancies                  INTEGER,
    teachers_pension_age       INTEGER,
    teachers_without_training  INTEGER,
    avg_load                   DOUBLE,
    head_changed               BOOLEAN
);
