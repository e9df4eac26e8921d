-- A mart the publication does not replace keeps its rows: the published run's rows are copied under the new run id.
-- The source column is qualified: in ClickHouse the alias run_id of the SELECT list would shadow it in WHERE.
INSERT INTO {table}__runs SELECT * REPLACE ({to} AS run_id) FROM {table}__runs AS src WHERE src.run_id = {from}
