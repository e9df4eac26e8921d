-- The region's staffing in the brief's assessment year (list year − 1), the yardstick of the municipality's and each
-- school's staffing problems: teachers, vacancies, pension-age and untrained teachers, schools reporting and schools
-- whose head changed. The aliases differ from the columns: ClickHouse would read an alias named as a column in the
-- other sums. Parameters: assessment year, region (the municipality's).
SELECT CAST(COUNT(*) AS BIGINT) AS region_schools, CAST(SUM(teachers) AS BIGINT) AS region_teachers,
       CAST(SUM(COALESCE(vacancies, 0)) AS BIGINT) AS region_vacancies,
       CAST(SUM(COALESCE(teachers_pension_age, 0)) AS BIGINT) AS region_pension_age,
       CAST(SUM(COALESCE(teachers_without_training, 0)) AS BIGINT) AS region_without_training,
       CAST(SUM(CASE WHEN head_changed THEN 1 ELSE 0 END) AS BIGINT) AS region_heads_changed,
       CAST(SUM(CASE WHEN head_changed IS NULL THEN 0 ELSE 1 END) AS BIGINT) AS region_heads_reported
FROM v_staffing
WHERE year = ? AND school_id IN (SELECT school_id FROM v_schools WHERE region = ?)
