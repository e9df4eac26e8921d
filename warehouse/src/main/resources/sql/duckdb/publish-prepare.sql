-- An empty twin of the published table, same columns and types.
CREATE OR REPLACE TABLE {table}__next AS SELECT * FROM {table} LIMIT 0
