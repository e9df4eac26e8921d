-- One publication for all marts (issue 10). Keep in step with ../clickhouse/V7__publication.sql.
-- The published-run pointer: one row per publication, the latest names the run whose marts readers see. DuckDB
-- publishes every mart and this row in one transaction; on ClickHouse the pointer is what switches the marts.
CREATE TABLE meta_publication (
    run_id        VARCHAR   NOT NULL,
    published_at  TIMESTAMP NOT NULL
);

INSERT INTO meta_publication (run_id, published_at)
SELECT run_id, current_timestamp::TIMESTAMP FROM (SELECT DISTINCT run_id FROM list_transitions) LIMIT 1;
