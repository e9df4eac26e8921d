-- Staging shapes of real regions' files (issue 11). Keep in step with ../duckdb/V6__staging_shapes.sql.

-- The school reference's opening and closing years (год открытия; год закрытия, ликвидация, реорганизация), when the
-- file gives them: the school operates from opened through closed, both included.
ALTER TABLE stg_schools ADD COLUMN IF NOT EXISTS opened Nullable(Int32);
ALTER TABLE stg_schools ADD COLUMN IF NOT EXISTS closed Nullable(Int32);

-- ЕГЭ aggregates come without marks (ЕГЭ has scores): mark2…mark5 are null on such rows, below_min is given.
ALTER TABLE stg_exam_aggregates MODIFY COLUMN mark2 Nullable(Int32);
ALTER TABLE stg_exam_aggregates MODIFY COLUMN mark3 Nullable(Int32);
ALTER TABLE stg_exam_aggregates MODIFY COLUMN mark4 Nullable(Int32);
ALTER TABLE stg_exam_aggregates MODIFY COLUMN mark5 Nullable(Int32);

-- A ВПР/ОГЭ score without a mark: the configured mark-2 bound (highest score of mark 2) it was judged by; the row is
-- mark 2 (score ≤ bound) or «не 2» with an empty mark. Null when the file gave the mark.
ALTER TABLE stg_exam_results ADD COLUMN IF NOT EXISTS mark2_max_score Nullable(Float64);
