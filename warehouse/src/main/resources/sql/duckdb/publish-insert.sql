-- One Parquet file of the mart's new contents (bound parameter: the file's path); columns match by name.
INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?)
