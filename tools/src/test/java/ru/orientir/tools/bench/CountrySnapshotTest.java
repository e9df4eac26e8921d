package ru.orientir.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.tools.generate.AssessmentCatalogue;
import ru.orientir.warehouse.Snapshot;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

/** A tiny generated country (200 schools × 3 years) against the snapshot the warehouse itself writes. */
class CountrySnapshotTest {
    private static final int SCHOOLS = 200;
    private static final int YEARS = 3;

    @TempDir
    static Path tmp;
    static CountrySnapshot.Written written;
    static Path reference;

    @BeforeAll
    static void generate() throws Exception {
        written = CountrySnapshot.write(tmp.resolve("country"), SCHOOLS, YEARS, "1GB", 2);
        // The real snapshot of an empty warehouse: the columns and types sql/snapshot/*.sql produce.
        reference = tmp.resolve("reference");
        Files.createDirectories(reference);
        try (Warehouse warehouse = Warehouse.open(WarehouseSettings.embedded(tmp.resolve("wh")))) {
            warehouse.migrate();
            Snapshot.write(warehouse, reference);
        }
    }

    @Test
    void everySourceHasTheSnapshotsColumnsAndTypes() throws Exception {
        for (String source : Snapshot.SOURCES) {
            Path file = Snapshot.file(written.dir(), source);
            assertTrue(Files.isRegularFile(file), "missing " + file);
            assertEquals(describe(Snapshot.file(reference, source)), describe(file), source);
        }
    }

    @Test
    void volumesArePlausible() throws Exception {
        int schoolYears = SCHOOLS * YEARS;
        assertEquals(SCHOOLS, written.rows().get("schools"));
        assertEquals(schoolYears, written.rows().get("school_context"));
        assertEquals(schoolYears, written.rows().get("staffing"));
        double perSchoolYear = (double) written.resultRows() / schoolYears;
        assertTrue(perSchoolYear >= 300 && perSchoolYear <= 1500, "result rows per school-year: " + perSchoolYear);
        for (String empty : List.of("exam_aggregates", "risk_survey", "objectivity_flags")) {
            assertEquals(0L, written.rows().get(empty), empty);
        }
        // One official list per list year but the last (left to the computed list), each ≈ 5 % of schools.
        List<long[]> lists = rows("SELECT list_year, count(*) FROM read_parquet(" + file("official_list")
                + ") GROUP BY list_year ORDER BY list_year");
        assertEquals(YEARS - 1, lists.size());
        for (long[] list : lists) {
            assertTrue(list[1] >= 2 && list[1] <= 0.12 * SCHOOLS, "list " + list[0] + ": " + list[1] + " schools");
        }
    }

    @Test
    void someSchoolsAreWeakInSeveralProceduresAndSomeProceduresAreTooSmall() throws Exception {
        String procedures = "SELECT year, school_id, procedure, grade, subject, count(*) AS n, avg(CASE "
                + "WHEN procedure = 'ЕГЭ' AND score IS NOT NULL THEN (score < CASE subject WHEN 'русский язык' THEN 24 "
                + "WHEN 'математика профильная' THEN 27 WHEN 'обществознание' THEN 42 WHEN 'информатика' THEN 40 "
                + "WHEN 'история' THEN 32 ELSE 36 END)::INTEGER ELSE (mark = 2)::INTEGER END) AS low "
                + "FROM read_parquet(" + file("exam_results") + ") GROUP BY ALL";
        List<long[]> weak = rows("SELECT year, count(*) FROM (SELECT year, school_id FROM (" + procedures + ") "
                + "WHERE n >= 5 AND low >= 0.3 GROUP BY year, school_id HAVING count(*) >= 2) GROUP BY year ORDER BY year");
        assertEquals(YEARS, weak.size());
        for (long[] year : weak) {
            double share = (double) year[1] / SCHOOLS;
            assertTrue(share >= 0.03 && share <= 0.15, year[0] + ": share of schools with ≥ 2 markers " + share);
        }
        long small = rows("SELECT count(*) FROM (" + procedures + ") WHERE n < 5").get(0)[0];
        assertTrue(small > 0, "no procedure with fewer than 5 participants");
        long egeScoresOnly = rows("SELECT count(*) FROM read_parquet(" + file("exam_results")
                + ") WHERE procedure = 'ЕГЭ' AND subject = 'русский язык' AND (mark IS NOT NULL OR score IS NULL)").get(0)[0];
        assertEquals(0, egeScoresOnly, "ЕГЭ русский язык: test score only");
    }

    /** One catalogue: the country sits exactly the generator's procedures, grades and subjects, ЕГЭ minimums included. */
    @Test
    void theCountrySitsTheGeneratorsCatalogue() throws Exception {
        java.util.Set<String> catalogue = new java.util.TreeSet<>();
        for (AssessmentCatalogue.Entry e : AssessmentCatalogue.entries()) {
            catalogue.add(e.procedure() + " " + e.grade() + " " + e.subject());
        }
        java.util.Set<String> sat = new java.util.TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT DISTINCT procedure || ' ' || grade || ' ' || subject FROM read_parquet("
                     + file("exam_results") + ")")) {
            while (r.next()) {
                sat.add(r.getString(1));
            }
        }
        assertEquals(catalogue, sat);
        java.util.Map<String, Integer> maxima = new java.util.HashMap<>();
        for (AssessmentCatalogue.Entry e : AssessmentCatalogue.entries()) {
            maxima.put(e.procedure() + " " + e.grade() + " " + e.subject(), e.maxScore());
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT procedure || ' ' || grade || ' ' || subject, max(score) FROM read_parquet("
                     + file("exam_results") + ") WHERE score IS NOT NULL GROUP BY ALL")) {
            while (r.next()) {
                assertTrue(r.getInt(2) <= maxima.get(r.getString(1)), r.getString(1) + ": score " + r.getInt(2)
                        + " above the catalogue's maximum " + maxima.get(r.getString(1)));
            }
        }
    }

    @Test
    void theSameScaleGivesTheSameFiles() throws Exception {
        CountrySnapshot.Written again = CountrySnapshot.write(tmp.resolve("again"), SCHOOLS, YEARS, "1GB", 2);
        assertEquals(written.rows(), again.rows());
        String digest = "SELECT sum(hash(year, procedure, grade, subject, school_id, mark, score) % 1000003)::BIGINT "
                + "FROM read_parquet(FILE)";
        assertEquals(rows(digest.replace("FILE", file("exam_results"))).get(0)[0],
                rows(digest.replace("FILE", "'" + Snapshot.file(again.dir(), "exam_results") + "'")).get(0)[0]);
    }

    private static String file(String source) {
        return "'" + Snapshot.file(written.dir(), source) + "'";
    }

    private static List<String> describe(Path parquet) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + parquet + "')")) {
            while (r.next()) {
                columns.add(r.getString("column_name") + " " + r.getString("column_type"));
            }
        }
        return columns;
    }

    private static List<long[]> rows(String sql) throws Exception {
        List<long[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                long[] row = new long[n];
                for (int i = 0; i < n; i++) {
                    row[i] = r.getLong(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
