-- An empty twin of the published table, same columns, types and engine.
DROP TABLE IF EXISTS {table}__next;
CREATE TABLE {table}__next AS {table}
