-- Issue 15: the management cycle's presentation views (docs/methodology.md §13.3–13.4), on both engines as V12 (read
-- its header: the same rules hold here). New views need their GRANT in docker/clickhouse/init/reader-grants.sql.in.

-- The municipalities' plans of the current loads, one row per measure, with its state as of the day the file was
-- loaded: «выполнено»; «просрочено» (not done and the deadline passed); «в работе»; «не начато». target_met: 1 when
-- the actual value reached the target (lower is better when the target is below the baseline, higher when above),
-- 0 when it did not, empty without an actual value or a target.
CREATE VIEW v_plan AS
SELECT p.municipality AS municipality,
       p.list_year AS list_year,
       p.track AS track,
       'Трек ' || CAST(p.track AS VARCHAR) AS track_label,
       p.measure AS measure,
       p.measure_type AS measure_type,
       p.schools AS schools,
       p.deadline AS deadline,
       p.owner AS owner,
       p.indicator AS indicator,
       p.baseline AS baseline,
       p.target AS target,
       p.actual AS actual,
       p.status AS status,
       substring(CAST(a.finished_at AS VARCHAR), 1, 10) AS reported_on,
       CASE WHEN p.status = 'выполнено' THEN 'выполнено'
            WHEN p.deadline < substring(CAST(a.finished_at AS VARCHAR), 1, 10) THEN 'просрочено'
            WHEN p.status = 'в работе' THEN 'в работе'
            ELSE 'не начато' END AS state,
       CASE WHEN p.actual IS NULL OR p.target IS NULL THEN NULL
            WHEN p.baseline IS NOT NULL AND p.target > p.baseline
                THEN CAST(CASE WHEN p.actual >= p.target THEN 1 ELSE 0 END AS INTEGER)
            ELSE CAST(CASE WHEN p.actual <= p.target THEN 1 ELSE 0 END AS INTEGER) END AS target_met,
       a.file AS file
FROM stg_municipal_plan AS p
INNER JOIN meta_active_load AS a ON a.load_id = p.load_id;

-- The roadmap indicators of the current loads, every year, with each school's name and municipality; flags as 0/1.
CREATE VIEW v_roadmap AS
SELECT r.year AS year,
       sch.municipality AS municipality,
       r.school_id AS school_id,
       sch.school_name AS school_name,
       CASE WHEN r.curator_assigned IS NULL THEN NULL
            ELSE CAST(CASE WHEN r.curator_assigned THEN 1 ELSE 0 END AS INTEGER) END AS curator_assigned,
       r.iom_share AS iom_share,
       r.training_share AS training_share,
       CASE WHEN r.antirisk_programme IS NULL THEN NULL
            ELSE CAST(CASE WHEN r.antirisk_programme THEN 1 ELSE 0 END AS INTEGER) END AS antirisk_programme,
       r.head_self_score AS head_self_score,
       r.head_external_score AS head_external_score
FROM stg_roadmap AS r
INNER JOIN v_schools AS sch ON sch.school_id = r.school_id
WHERE r.load_id IN (SELECT load_id FROM meta_active_load);
