-- Issue 15: the management cycle's two inputs. Keep in step with ../duckdb/V15__management_cycle.sql, which says what
-- each column holds.
CREATE TABLE IF NOT EXISTS stg_municipal_plan (
    load_id       String,
    line          Int64,
    municipality  String,
    list_year     Int32,
    measure       String,
    track         Int32,
    schools       String,
    deadline      String,
    owner         Nullable(String),
    indicator     String,
    baseline      Nullable(Float64),
    target        Nullable(Float64),
    status        String,
    actual        Nullable(Float64),
    measure_type  Nullable(String)
) ENGINE = MergeTree ORDER BY (load_id, line);

CREATE TABLE IF NOT EXISTS stg_roadmap (
    load_id              String,
    line                 Int64,
    year                 Int32,
    school_id            String,
    curator_assigned     Nullable(Bool),
    iom_share            Nullable(Float64),
    training_share       Nullable(Float64),
    antirisk_programme   Nullable(Bool),
    head_self_score      Nullable(Float64),
    head_external_score  Nullable(Float64)
) ENGINE = MergeTree ORDER BY (load_id, line);
