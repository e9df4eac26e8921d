-- The fingerprint of the pseudonymisation key (issue 12, item 6). Keep in step with ../duckdb/V8__pseudonym_key.sql.
-- One row, written when the first student-level file is loaded: HMAC-SHA-256 of a fixed label under the key (never
-- the key itself). A later load with a different key is refused, so the same student never gets two pseudonyms.
CREATE TABLE IF NOT EXISTS meta_pseudonym_key (
    fingerprint  String,
    created_at   DateTime64(3, 'UTC'),
    run_id       Nullable(String)
) ENGINE = MergeTree ORDER BY (fingerprint);
