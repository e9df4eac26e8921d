-- EXCHANGE TABLES is atomic per table (Atomic database engine); the old data then sits in __next.
EXCHANGE TABLES {table} AND {table}__next;
DROP TABLE IF EXISTS {table}__next
