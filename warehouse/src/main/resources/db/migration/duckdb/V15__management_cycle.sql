-- Issue 15: the management cycle's two inputs (docs/methodology.md §13.3). Keep in step with
-- ../clickhouse/V15__management_cycle.sql.

-- A municipality's plan of measures as it came back: the draft plan's columns with the status and the actual value.
-- schools: «все» or the school codes separated by «; »; deadline: an ISO date (YYYY-MM-DD).
CREATE TABLE stg_municipal_plan (
    load_id       VARCHAR NOT NULL,
    line          BIGINT  NOT NULL,
    municipality  VARCHAR NOT NULL,
    list_year     INTEGER NOT NULL,
    measure       VARCHAR NOT NULL,
    track         INTEGER NOT NULL,
    schools       VARCHAR NOT NULL,
    deadline      VARCHAR NOT NULL,
    owner         VARCHAR,
    indicator     VARCHAR NOT NULL,
    baseline      DOUBLE,
    target        DOUBLE,
    status        VARCHAR NOT NULL,
    actual        DOUBLE,
    measure_type  VARCHAR
);

-- The roadmap indicators per school and year; shares 0–1, the head's diagnostics 0–100.
CREATE TABLE stg_roadmap (
    load_id              VARCHAR NOT NULL,
    line                 BIGINT  NOT NULL,
    year                 INTEGER NOT NULL,
    school_id            VARCHAR NOT NULL,
    curator_assigned     BOOLEAN,
    iom_share            DOUBLE,
    training_share       DOUBLE,
    antirisk_programme   BOOLEAN,
    head_self_score      DOUBLE,
    head_external_score  DOUBLE
);
