package ru.orientir.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ru.orientir.tools.generate.AssessmentCatalogue;
import ru.orientir.warehouse.Snapshot;

/**
 * A generated country written straight into a staging snapshot folder: one {@code <source>.parquet} per
 * {@link Snapshot#SOURCES}, with the columns and types of {@code sql/snapshot/<source>.sql}, so the analytics read it
 * exactly as they read a real run's snapshot. It bypasses the ingest on purpose: the benchmark measures the analytics,
 * and 230 M rows through the ingest would take an hour (the ingest has its own benchmark).
 *
 * <p>Everything is drawn by DuckDB from {@code hash()} of the school, year, procedure and participant — no random
 * state — so the same scale always gives the same files. Each school has a latent quality: about 5.5 % are weak (mark 2
 * for 26–56 % of participants, most years), another 6.5 % borderline; the official list of each list year holds most
 * weak schools of the year before and a few borderline ones (≈ 5 %). About 12 % of schools are small (2–6 pupils a
 * grade), so some procedures have fewer than 5 participants. Volume: ≈ 700 result rows per school and year (ВПР
 * grades 4–8, ОГЭ with two electives, ЕГЭ with one or two).
 *
 * <p>Exam aggregates, survey risk profiles and objectivity flags are written empty, with their schema.
 */
public final class CountrySnapshot {
    /** The last assessment year; the years before it are generated backwards from here. */
    public static final int LAST_YEAR = 2024;
    /** The country's regions (docs/methodology.md §0): every per-region rule runs 85 times over. */
    public static final int REGIONS = 85;
    static final double WEAK_SHARE = 0.055;
    static final double BORDERLINE_SHARE = 0.12;

    /** What was written: rows per source and the seconds it took. */
    public record Written(Path dir, int schools, int years, Map<String, Long> rows, double seconds) {
        public long resultRows() {
            return rows.getOrDefault("exam_results", 0L);
        }
    }

    private CountrySnapshot() {
    }

    /**
     * Writes {@code schools} schools over {@code years} assessment years ending with {@link #LAST_YEAR} into {@code dir}
     * (created when missing; existing snapshot files are replaced). DuckDB runs in memory with {@code memoryLimit}
     * (e.g. "4GB") and {@code threads} threads, spilling to {@code dir/.duckdb_tmp} when it must.
     */
    public static Written write(Path dir, int schools, int years, String memoryLimit, int threads) throws IOException,
            SQLException {
        if (schools < 1 || years < 1) {
            throw new IllegalArgumentException("Нужна хотя бы одна школа и один год: schools=" + schools + ", years=" + years);
        }
        Files.createDirectories(dir);
        Path spill = dir.resolve(".duckdb_tmp");
        long t0 = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
            s.execute("SET threads = " + threads);
            s.execute("SET preserve_insertion_order = false");
            s.execute("SET temp_directory = " + literal(spill));
            // A uniform draw in [0, 1) from a hash; a rough N(0, 1) from three of them.
            s.execute("CREATE TEMP MACRO unit(h) AS (h % 1000003)::DOUBLE / 1000003");
            s.execute("CREATE TEMP MACRO gauss(x, salt) AS (unit(hash(x, salt, 1)) + unit(hash(x, salt, 2)) "
                    + "+ unit(hash(x, salt, 3)) - 1.5) * 2");
            s.execute(schoolsTable(schools));
            s.execute(schoolYearsTable(LAST_YEAR - years + 1, LAST_YEAR));
            assessmentsTable(c);
            for (String source : Snapshot.SOURCES) {
                Path file = Snapshot.file(dir, source);
                Files.deleteIfExists(file);
                s.execute("COPY (" + select(source) + ") TO " + literal(file) + " (FORMAT parquet, COMPRESSION zstd)");
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet(" + literal(file) + ")")) {
                    r.next();
                    rows.put(source, r.getLong(1));
                }
            }
        } finally {
            deleteQuietly(spill);
        }
        return new Written(dir, schools, years, rows, (System.nanoTime() - t0) / 1e9);
    }

    private static String select(String source) {
        return switch (source) {
            case "schools" -> SCHOOLS;
            case "official_list" -> OFFICIAL_LIST;
            case "exam_results" -> EXAM_RESULTS;
            case "exam_aggregates" -> """
                    SELECT NULL::INTEGER AS year, NULL::VARCHAR AS procedure, NULL::INTEGER AS grade,
                           NULL::VARCHAR AS subject, NULL::VARCHAR AS school_id, NULL::INTEGER AS participants,
                           NULL::INTEGER AS mark2, NULL::INTEGER AS mark3, NULL::INTEGER AS mark4, NULL::INTEGER AS mark5,
                           NULL::INTEGER AS below_min, NULL::DOUBLE AS mean_score
                    WHERE false""";
            case "school_context" -> SCHOOL_CONTEXT;
            case "staffing" -> STAFFING;
            case "risk_survey" -> """
                    SELECT NULL::INTEGER AS year, NULL::VARCHAR AS school_id, NULL::VARCHAR AS risk, NULL::VARCHAR AS level
                    WHERE false""";
            case "objectivity_flags" -> """
                    SELECT NULL::INTEGER AS year, NULL::VARCHAR AS school_id, NULL::VARCHAR AS note WHERE false""";
            default -> throw new IllegalStateException("Источник снимка «" + source + "» генератору страны неизвестен: "
                    + "добавьте его в CountrySnapshot.select");
        };
    }

    /**
     * One row per school with its fixed traits. Municipalities ≈ schools / 50 (the first is the regional centre), dealt
     * out among {@link #REGIONS} regions;
     * 12 % small rural ООШ/НОШ with 2–6 pupils a grade, the others 8–97 a grade, skewed small.
     */
    private static String schoolsTable(int schools) {
        int municipalities = Math.max(1, Math.round(schools / 50f));
        return String.format(Locale.ROOT, """
                CREATE TEMP TABLE country_school AS
                WITH drawn AS (
                    SELECT i AS n, '55' || lpad((i + 1)::VARCHAR, 6, '0') AS school_id,
                           (hash(i, 'municipality') %% %d)::INTEGER AS m,
                           unit(hash(i, 'small')) < 0.12 AS small, unit(hash(i, 'type')) AS ut,
                           unit(hash(i, 'urban')) AS uu, unit(hash(i, 'size')) AS us, unit(hash(i, 'quality')) AS q,
                           (hash(i, 'village') %% 25)::INTEGER AS village
                    FROM range(%d) t(i)),
                typed AS (
                    SELECT *,
                           CASE WHEN small THEN (CASE WHEN ut < 0.7 THEN 'ООШ' ELSE 'НОШ' END)
                                WHEN ut < 0.76 THEN 'СОШ' WHEN ut < 0.84 THEN 'ООШ'
                                WHEN ut < 0.92 THEN 'гимназия' ELSE 'лицей' END AS school_type,
                           CASE WHEN small THEN 2 + floor(us * 5) ELSE 8 + floor(us * us * 90) END::INTEGER AS cohort
                    FROM drawn),
                placed AS (
                    SELECT *, NOT small AND (uu < 0.55 OR school_type IN ('гимназия', 'лицей')) AS urban,
                           CASE WHEN m = 0 THEN 0 ELSE 30 + (hash(m, 'distance') %% 450)::INTEGER END::INTEGER AS centre_km,
                           (0.5 - q) * 3.4 AS risk_z,
                           0.9 * gauss(m, 'language') AS municipality_language
                    FROM typed)
                SELECT *,
                       'Муниципальный район № ' || (m + 1) AS municipality,
                       -- REGIONS subjects of the Russian Federation, the municipalities dealt out among them in turn
                       lpad(((m %% %d) + 1)::VARCHAR, 2, '0') AS region,
                       CASE WHEN urban THEN 'г. Центр-' || (m + 1) ELSE 'с. Поселение-' || (m + 1) || '-' || (village + 1) END
                           AS settlement,
                       cohort * CASE school_type WHEN 'НОШ' THEN 4 WHEN 'ООШ' THEN 9 ELSE 11 END AS students,
                       CASE WHEN m = 0 AND urban THEN 1100000
                            WHEN urban THEN round(exp(ln(5000) + unit(hash(m, 'town')) * (ln(320000) - ln(5000))))
                            ELSE round(exp(ln(100) + unit(hash(m, village, 'village')) * (ln(4000) - ln(100)))) END::BIGINT
                           AS population,
                       centre_km + CASE WHEN urban THEN 0 ELSE 5 + (hash(m, village, 'km') %% 66)::INTEGER END AS distance,
                       urban OR unit(hash(m, village, 'link')) >= 0.12 + CASE WHEN centre_km > 150 THEN 0.2 ELSE 0 END
                           AS transport,
                       0.55 * risk_z + CASE WHEN urban THEN 0 ELSE 0.6 END + CASE WHEN small THEN 0.3 ELSE 0 END
                           + least(1.0, centre_km / 300.0) * 0.3 + 0.5 * gauss(n, 'disadvantage') AS d
                FROM placed""", municipalities, schools, REGIONS);
    }

    /** One row per school and assessment year: whether the school is weak that year (most weak schools, most years). */
    private static String schoolYearsTable(int firstYear, int lastYear) {
        return String.format(Locale.ROOT, """
                CREATE TEMP TABLE country_school_year AS
                SELECT s.*, y::INTEGER AS year, (y - %d)::INTEGER AS step,
                       s.q < %s AND unit(hash(s.n, y, 'steady')) < 0.85 AS weak,
                       s.q >= %s AND s.q < %s AS borderline,
                       y < %d AS listed_next
                FROM country_school s CROSS JOIN range(%d, %d) ys(y)""",
                firstYear, WEAK_SHARE, WEAK_SHARE, BORDERLINE_SHARE, lastYear, firstYear, lastYear + 1);
    }

    /**
     * The catalogue of assessments, the generator's own ({@link AssessmentCatalogue}): the share of the grade's cohort
     * that sits each, the mark-2 share of an average school of the country (half the generator's average-school share,
     * because weak schools add theirs on top here), maximum primary score, ЕГЭ minimum, and for ВПР grades 5–8 the
     * rotating third subject (one per school, year and grade). ЕГЭ is sat by 55 % of a cohort.
     */
    private static void assessmentsTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE country_assessment (a INTEGER, procedure VARCHAR, grade INTEGER, subject VARCHAR,
                        share DOUBLE, base_mark2 DOUBLE, max_score INTEGER, min_score INTEGER, rotation INTEGER,
                        rotations INTEGER)""");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO country_assessment VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int a = 0;
            for (AssessmentCatalogue.Entry e : AssessmentCatalogue.entries()) {
                ps.setInt(1, ++a);
                ps.setString(2, e.procedure());
                ps.setInt(3, e.grade());
                ps.setString(4, e.subject());
                ps.setDouble(5, e.participation());
                ps.setDouble(6, Math.round(e.mark2() * 50) / 100.0);
                ps.setInt(7, e.maxScore());
                ps.setObject(8, e.minScore(), Types.INTEGER);
                ps.setObject(9, e.rotation(), Types.INTEGER);
                ps.setObject(10, e.rotations(), Types.INTEGER);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static final String SCHOOLS = """
            SELECT school_id, 'МБОУ «' || school_type || ' № ' || (n + 1) || '»' AS name, municipality,
                   json_object('settlement', settlement, 'urban_rural', CASE WHEN urban THEN 'городская' ELSE 'сельская' END,
                               'school_type', school_type, 'small_school', CASE WHEN small THEN 'да' ELSE 'нет' END,
                               'students', students::VARCHAR)::VARCHAR AS extra_json,
                   NULL::INTEGER AS opened, NULL::INTEGER AS closed, NULL::VARCHAR AS closed_source, true AS in_reference,
                   region
            FROM country_school ORDER BY school_id""";

    /** List year Y+1 from assessment year Y: 90 % of the weak schools of Y and 8 % of the borderline ones. */
    private static final String OFFICIAL_LIST = """
            SELECT (year + 1)::INTEGER AS list_year, school_id,
                   CASE WHEN unit(hash(n, year, 'reason')) < 0.05 THEN NULL
                        ELSE 'НОР;ВПР' || CASE WHEN school_type <> 'НОШ' AND unit(hash(n, year, 'oge')) < 0.45
                                              THEN ';ОГЭ' ELSE '' END
                                       || CASE WHEN school_type NOT IN ('НОШ', 'ООШ') AND unit(hash(n, year, 'ege')) < 0.2
                                              THEN ';ЕГЭ' ELSE '' END END AS reason
            FROM country_school_year
            WHERE listed_next AND ((weak AND unit(hash(n, year, 'listed')) < 0.9)
                                   OR (borderline AND unit(hash(n, year, 'listed')) < 0.08))
            ORDER BY list_year, school_id""";

    /**
     * Procedures a school sits in a year (НОШ: grade 4 only; ООШ: no ЕГЭ), with participants (the cohort's share ±15 %)
     * and the school-year's mark-2 probability; then one row per participant. Marks: 2 below that probability, then 3,
     * 4, 5 in 40/35/25 proportions. Scores: ВПР/ОГЭ primary score within the mark's band; ЕГЭ test score below the
     * minimum exactly when failed (базовая математика: mark only).
     */
    private static final String EXAM_RESULTS = """
            WITH slot AS (
                SELECT sy.n, sy.school_id, sy.year, a.a, a.procedure, a.grade, a.subject, a.max_score, a.min_score,
                       CASE WHEN sy.weak THEN 0.26 + 0.30 * unit(hash(sy.n, sy.year, a.a, 'mark2'))
                            WHEN sy.borderline THEN a.base_mark2 * 2.2
                            ELSE a.base_mark2 * (0.5 + sy.q) END AS p2,
                       greatest(CASE WHEN a.share >= 1 THEN 1 ELSE 0 END,
                                round(sy.cohort * CASE WHEN a.procedure = 'ЕГЭ' THEN 0.55 ELSE 1 END * a.share
                                      * (0.85 + 0.3 * unit(hash(sy.n, sy.year, a.a, 'participants')))))::INTEGER AS participants
                FROM country_school_year sy, country_assessment a
                WHERE (sy.school_type <> 'НОШ' OR a.grade = 4)
                  AND (sy.school_type NOT IN ('НОШ', 'ООШ') OR a.procedure <> 'ЕГЭ')
                  AND (a.rotation IS NULL OR a.rotation = hash(sy.n, sy.year, a.grade, 'rotation') % a.rotations)),
            participant AS (
                SELECT *, unit(hash(n, year, a, i)) AS v
                FROM (SELECT slot.*, unnest(range(participants)) AS i FROM slot)),
            graded AS (
                SELECT *, CASE WHEN v < p2 THEN 2 WHEN (v - p2) / (1 - p2) < 0.40 THEN 3
                               WHEN (v - p2) / (1 - p2) < 0.75 THEN 4 ELSE 5 END AS drawn_mark,
                          (v - p2) / (1 - p2) AS above
                FROM participant)
            SELECT year::INTEGER AS year, procedure::VARCHAR AS procedure, grade::INTEGER AS grade,
                   subject::VARCHAR AS subject, school_id,
                   CASE WHEN procedure <> 'ЕГЭ' OR min_score IS NULL THEN drawn_mark END::INTEGER AS mark,
                   CASE WHEN procedure = 'ЕГЭ' AND min_score IS NULL THEN NULL
                        WHEN procedure = 'ЕГЭ' AND v < p2 THEN floor((min_score - 1) * v / p2)
                        WHEN procedure = 'ЕГЭ' THEN min_score + round((100 - min_score) * above)
                        WHEN v < p2 THEN floor(max_score * 0.35 * v / p2)
                        ELSE ceil(max_score * 0.35) + round((max_score - ceil(max_score * 0.35)) * above) END::DOUBLE AS score,
                   NULL::DOUBLE AS mark2_max_score
            FROM graded""";

    /** Context per school and year: logistic shares of the school's disadvantage, drifting a little; places shared. */
    private static final String SCHOOL_CONTEXT = """
            SELECT year, school_id,
                   round(1 / (1 + exp(-(-0.3 - 0.55 * d + CASE WHEN school_type IN ('гимназия', 'лицей') THEN 0.5 ELSE 0 END
                                       + 0.25 * gauss(n, 'c0') + 0.06 * gauss(hash(n, year), 'y0')))), 3)::DOUBLE
                       AS parents_higher_education_share,
                   round(1 / (1 + exp(-(-2.6 + 0.5 * d + 0.25 * gauss(n, 'c1') + 0.06 * gauss(hash(n, year), 'y1')))), 3)::DOUBLE
                       AS unemployed_parents_share,
                   round(1 / (1 + exp(-(-1.6 + 0.55 * d + 0.25 * gauss(n, 'c2') + 0.06 * gauss(hash(n, year), 'y2')))), 3)::DOUBLE
                       AS low_income_share,
                   round(1 / (1 + exp(-(-3.6 + 0.3 * d + municipality_language + 0.5 * gauss(n, 'c3')
                                       + 0.06 * gauss(hash(n, year), 'y3')))), 3)::DOUBLE AS non_native_russian_share,
                   round(1 / (1 + exp(-(-3.0 + 0.25 * d + CASE WHEN small THEN 0.4 ELSE 0 END + 0.3 * gauss(n, 'c4')
                                       + 0.06 * gauss(hash(n, year), 'y4')))), 3)::DOUBLE AS ovz_share,
                   greatest(CASE WHEN urban THEN 5000 ELSE 100 END,
                            round(population * pow(CASE WHEN m = 0 THEN 1.003 WHEN urban THEN 0.992 ELSE 0.985 END, step)))::BIGINT
                       AS settlement_population,
                   distance::DOUBLE AS distance_km,
                   transport AS direct_transport,
                   CASE WHEN urban THEN 'стабильный'
                        WHEN 0.8 * d + 0.7 * gauss(n, 'internet') + 0.6 - 0.15 * step > 2.2 THEN 'нет'
                        WHEN 0.8 * d + 0.7 * gauss(n, 'internet') + 0.6 - 0.15 * step > 1.1 THEN 'нестабильный'
                        ELSE 'стабильный' END AS internet,
                   round(greatest(1.0, least(40, 14 - 2.5 * d + 3 * gauss(n, 'computers')) + 0.3 * step
                                       + 0.4 * gauss(hash(n, year), 'computers')), 1)::DOUBLE AS computers_per_100
            FROM country_school_year ORDER BY year, school_id""";

    /**
     * Staffing per school and year, in the region generator's ranges: a teacher per 17 pupils in towns and 11 in
     * villages (floor by type), vacancies roughly Poisson with the disadvantage, pension-age and untrained shares,
     * load 18–36 hours, heads changing in 7–18 % of schools a year (more in weak ones).
     */
    private static final String STAFFING = """
            WITH sized AS (
                SELECT *,
                       greatest(1, greatest(CASE school_type WHEN 'НОШ' THEN 2 WHEN 'ООШ' THEN 6 ELSE 10 END,
                                            round(students / CASE WHEN urban THEN 17 ELSE 11 END
                                                  * exp(0.08 * gauss(n, 'teachers'))))
                                   + CASE WHEN unit(hash(n, year, 'wobble')) < 0.3 THEN (hash(n, year, 'by') % 3)::INTEGER - 1 ELSE 0 END
                       )::INTEGER AS teach,
                       0.15 + 0.35 * greatest(0, d) + CASE WHEN urban THEN 0 ELSE 0.2 END AS vacancy_mean,
                       unit(hash(n, year, 'vacancies')) AS vu
                FROM country_school_year),
            counted AS (
                SELECT *, vacancy_mean + teach / 60.0 AS mu,
                       CASE WHEN vu < exp(-(vacancy_mean + teach / 60.0)) THEN 0
                            WHEN vu < exp(-(vacancy_mean + teach / 60.0)) * (1 + vacancy_mean + teach / 60.0) THEN 1
                            WHEN vu < exp(-(vacancy_mean + teach / 60.0)) * (1 + (vacancy_mean + teach / 60.0)
                                     + pow(vacancy_mean + teach / 60.0, 2) / 2) THEN 2
                            ELSE 3 + (hash(n, year, 'more') % 2)::INTEGER END::INTEGER AS vacancies
                FROM sized)
            SELECT year, school_id, students::INTEGER AS students,
                   (teach + round(teach * 0.12) + CASE WHEN students > 300 THEN 3 ELSE 1 END + (hash(n, year, 'staff') % 2)::INTEGER)::INTEGER
                       AS staff,
                   teach AS teachers, vacancies,
                   least(teach, greatest(0, round(teach * greatest(0.0, least(0.7, 0.17 + 0.05 * d
                         + CASE WHEN urban THEN 0 ELSE 0.07 END + 0.06 * gauss(n, 'pension')))
                         + 0.8 * gauss(hash(n, year), 'pension'))))::INTEGER AS teachers_pension_age,
                   least(teach, greatest(0, round(teach * greatest(0.0, least(0.8, 0.03 + 0.04 * greatest(0, d)
                         + CASE WHEN small THEN 0.12 ELSE 0 END + 0.03 * gauss(n, 'untrained')))
                         + 0.8 * gauss(hash(n, year), 'untrained'))))::INTEGER AS teachers_without_training,
                   round(greatest(18, least(36, 22 + 1.2 * vacancies + CASE WHEN urban THEN 0 ELSE 1.5 END
                                                + 1.5 * gauss(hash(n, year), 'load'))), 1)::DOUBLE AS avg_load,
                   unit(hash(n, year, 'head')) < 0.07 + 0.03 * greatest(0, risk_z) + CASE WHEN weak THEN 0.08 ELSE 0 END
                       AS head_changed
            FROM counted ORDER BY year, school_id""";

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // only spill files of a finished run: nothing to do
        }
    }
}
