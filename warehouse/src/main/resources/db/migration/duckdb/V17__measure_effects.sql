-- Issue 15: docs/methodology.md §13.5. Keep in step with ../clickhouse/V17__measure_effects.sql.
-- Per plan year, track and measure type: the schools that got the measure (status «выполнено» or «в работе») with
-- results in the year before and the plan year, the distinct comparable schools matched to them, the mean change in
-- the share of «2» of each group, the difference in differences (negative: fewer «2» than comparable schools) with its
-- 95 % interval, and the note (an association for discussion, or why there is no estimate).
CREATE TABLE measure_effects (
    run_id          VARCHAR NOT NULL,
    list_year       INTEGER NOT NULL,
    track           INTEGER NOT NULL,
    measure_type    VARCHAR NOT NULL,
    treated         INTEGER NOT NULL,
    controls        INTEGER NOT NULL,
    treated_change  DOUBLE,
    control_change  DOUBLE,
    effect          DOUBLE,
    ci_low          DOUBLE,
    ci_high         DOUBLE,
    note            VARCHAR
);
