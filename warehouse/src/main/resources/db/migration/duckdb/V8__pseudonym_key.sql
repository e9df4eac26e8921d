-- The fingerprint of the pseudonymisation key (issue 12, item 6). Keep in step with ../clickhouse/V8__pseudonym_key.sql.
-- One row, written when the first student-level file is loaded: HMAC-SHA-256 of a fixed label under the key (never
-- the key itself). A later load with a different key is refused, so the same student never gets two pseudonyms.
CREATE TABLE meta_pseudonym_key (
    fingerprint  VARCHAR   NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    run_id       VARCHAR
);
