-- Staging shapes of real regions' files (issue 11). Keep in step with ../clickhouse/V6__staging_shapes.sql.

-- The school reference's opening and closing years (год открытия; год закрытия, ликвидация, реорганизация), when the
-- file gives them: the school operates from opened through closed, both included.
ALTER TABLE stg_schools ADD COLUMN opened INTEGER;
ALTER TABLE stg_schools ADD COLUMN closed INTEGER;

-- ЕГЭ aggregates come without marks (ЕГЭ has scores): mark2…mark5 are null on such rows, below_min is given.
ALTER TABLE stg_exam_aggregates ALTER COLUMN mark2 DROP NOT NULL;
ALTER TABLE stg_exam_aggregates ALTER COLUMN mark3 DROP NOT NULL;
ALTER TABLE stg_exam_aggregates ALTER COLUMN mark4 DROP NOT NULL;
ALTER TABLE stg_exam_aggregates ALTER COLUMN mark5 DROP NOT NULL;

-- A ВПР/ОГЭ score without a mark: the configured mark-2 bound (highest score of mark 2) it was judged by; the row is
-- mark 2 (score ≤ bound) or «не 2» with an empty mark. Null when the file gave the mark.
ALTER TABLE stg_exam_results ADD COLUMN mark2_max_score DOUBLE;
