-- The Russian name of each load's file kind, as the ingest's descriptor of that kind gives it at load time, so that
-- dashboards and reports show «результаты участников» instead of the machine label `exam_results` without restating
-- the names in SQL. Empty for loads recorded before this column existed (readers fall back to `kind`).
ALTER TABLE meta_load ADD COLUMN kind_name VARCHAR;
