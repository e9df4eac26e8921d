-- Staging for exam results, context and staffing (issue 3). Keep in step with ../duckdb/V2__inputs.sql.

CREATE TABLE IF NOT EXISTS stg_exam_results (
    load_id          String,
    line             Int64,
    year             Int32,
    procedure        String,
    grade            Int32,
    subject          String,
    school_id        String,
    participant_key  String,
    mark             Nullable(Int32),
    score            Nullable(Float64)
) ENGINE = MergeTree ORDER BY (load_id, line);

CREATE TABLE IF NOT EXISTS stg_exam_aggregates (
    load_id       String,
    line          Int64,
    year          Int32,
    procedure     String,
    grade         Int32,
    subject       String,
    school_id     String,
    participants  Int32,
    mark2         Int32,
    mark3         Int32,
    mark4         Int32,
    mark5         Int32,
    below_min     Nullable(Int32),
    mean_score    Nullable(Float64)
) ENGINE = MergeTree ORDER BY (load_id, line);

CREATE TABLE IF NOT EXISTS stg_school_context (
    load_id                         String,
    line                            Int64,
    year                            Int32,
    school_id                       String,
    parents_higher_education_share  Nullable(Float64),
    unemployed_parents_share        Nullable(Float64),
    low_income_share                Nullable(Float64),
    non_native_russian_share        Nullable(Float64),
    ovz_share                       Nullable(Float64),
    settlement_population           Nullable(Int64),
    distance_km                     Nullable(Float64),
    direct_transport                Nullable(Bool),
    internet                        Nullable(String),
    computers_per_100               Nullable(Float64)
) ENGINE = MergeTree ORDER BY (load_id, line);

CREATE TABLE IF NOT EXISTS stg_staffing (
    load_id                    String,
    line                       Int64,
    year                       Int32,
    school_id                  String,
    school_name                Nullable(String),
    students                   Nullable(Int32),
    staff                      Int32,
    teachers                   Int32,
    vacancies                  Nullable(Int32),
    teachers_pension_age       Nullable(Int32),
    teachers_without_training  Nullable(Int32),
    avg_load                   Nullable(Float64),
    head_changed               Nullable(Bool)
) ENGINE = MergeTree ORDER BY (load_id, line);
