-- The published-run pointer moves in one row insert (parameters: run_id, published_at in UTC). On ClickHouse the marts
-- are views reading the run this table names last, so this insert is what makes a whole publication visible at once.
INSERT INTO meta_publication (run_id, published_at) VALUES (?, ?)
