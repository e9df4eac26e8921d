-- The school reference as the analytics read it: one row per school that any successful load of a reference file
-- ever named (earlier versions of a reference file stay in staging as history), with its latest name, municipality
-- and extra columns — the current version's when it is in one. Among a school's rows of the same standing (current or
-- history), a row with a reference year (as_of_year, «год справочника») is newer than one without, and the greatest
-- year is the latest; rows without a year rank by load as before. The name and municipality of every year are in
-- school_years.sql (docs/methodology.md §3.5).
-- opened / closed: the years the school operates, both included (null: not known / still open).
-- A school missing from the current versions of the reference files (a newer version of its file left it out) is
-- closed from then on: unless the reference gave its closing year, closed is the last year it has data of its own
-- (results, aggregates, context, staffing, survey, ФИОКО list; the official list by list year), or the year before the
-- region's first data year when it has none. closed_source: 'reference' (the file's «год закрытия») or 'absent'
-- (derived so); null while open. in_reference: the school is in a current version of a reference file.
-- region: the code of the subject of the Russian Federation from the school's latest row, '' when the reference has
-- none (the installation's one region). The fallback year above is the first data year of the school's own region:
-- each region's schools close as they would in a warehouse of that region alone (docs/methodology.md §0).
WITH versions AS (
    SELECT s.school_id AS school_id, s.name AS name, s.municipality AS municipality, s.extra_json AS extra_json,
           s.opened AS opened, s.closed AS closed, s.as_of_year AS as_of_year, s.load_id AS load_id,
           coalesce(s.region, '') AS region,
           l.finished_at AS finished_at,
           s.load_id IN (SELECT load_id FROM meta_active_load) AS in_reference
    FROM stg_schools s
    JOIN (SELECT load_id, max(finished_at) AS finished_at FROM meta_load WHERE status = 'loaded' GROUP BY load_id) l
      ON s.load_id = l.load_id
),
latest AS (
    SELECT school_id, name, municipality, extra_json, opened, closed, in_reference, region
    FROM (
        SELECT v.*, row_number() OVER (PARTITION BY v.school_id
                                       ORDER BY v.in_reference DESC,
                                                CASE WHEN v.as_of_year IS NULL THEN 0 ELSE 1 END DESC,
                                                v.as_of_year DESC, v.finished_at DESC, v.load_id DESC) AS rn
        FROM versions v
    ) ranked
    WHERE rn = 1
),
absent AS (
    SELECT school_id FROM latest WHERE NOT in_reference AND closed IS NULL
),
data_years AS (
    SELECT school_id, year AS data_year FROM stg_exam_results WHERE load_id IN (SELECT load_id FROM meta_active_load)
    UNION ALL
    SELECT school_id, year FROM stg_exam_aggregates WHERE load_id IN (SELECT load_id FROM meta_active_load)
    UNION ALL
    SELECT school_id, year FROM stg_school_context WHERE load_id IN (SELECT load_id FROM meta_active_load)
    UNION ALL
    SELECT school_id, year FROM stg_staffing WHERE load_id IN (SELECT load_id FROM meta_active_load)
    UNION ALL
    SELECT school_id, year FROM stg_risk_survey WHERE load_id IN (SELECT load_id FROM meta_active_load)
    UNION ALL
    SELECT school_id, year FROM stg_objectivity_flags WHERE load_id IN (SELECT load_id FROM meta_active_load)
    UNION ALL
    SELECT school_id, list_year FROM stg_official_list WHERE load_id IN (SELECT load_id FROM meta_active_load)
),
own_last_year AS (
    SELECT school_id, max(data_year) AS last_year
    FROM data_years
    WHERE school_id IN (SELECT school_id FROM absent)
    GROUP BY school_id
),
region_first_year AS (
    SELECT l.region AS region, CAST(min(d.data_year) - 1 AS INTEGER) AS before_first
    FROM data_years d
    JOIN latest l ON l.school_id = d.school_id
    GROUP BY l.region
),
no_own_data AS (
    SELECT school_id, name, municipality, extra_json, opened, in_reference, region
    FROM latest
    WHERE NOT in_reference AND closed IS NULL AND school_id NOT IN (SELECT school_id FROM own_last_year)
)
SELECT school_id, name, municipality, extra_json, opened, closed, closed_source, in_reference, region
FROM (
    SELECT school_id, name, municipality, extra_json, opened, closed,
           CASE WHEN closed IS NULL THEN NULL ELSE 'reference' END AS closed_source,
           CAST(in_reference AS BOOLEAN) AS in_reference, region
    FROM latest
    WHERE in_reference OR closed IS NOT NULL
    UNION ALL
    SELECT l.school_id, l.name, l.municipality, l.extra_json, l.opened, o.last_year, 'absent',
           CAST(l.in_reference AS BOOLEAN), l.region
    FROM latest l
    JOIN own_last_year o ON o.school_id = l.school_id
    WHERE NOT l.in_reference AND l.closed IS NULL
    UNION ALL
    SELECT n.school_id, n.name, n.municipality, n.extra_json, n.opened, r.before_first, 'absent',
           CAST(n.in_reference AS BOOLEAN), n.region
    FROM no_own_data n
    JOIN region_first_year r ON r.region = n.region
    UNION ALL
    -- a region with no data at all: the year is not known (a null of the column's type on both engines)
    SELECT school_id, name, municipality, extra_json, opened, CASE WHEN 1 = 0 THEN opened END, 'absent',
           CAST(in_reference AS BOOLEAN), region
    FROM no_own_data
    WHERE region NOT IN (SELECT region FROM region_first_year)
) schools
ORDER BY school_id
