package ru.orientir.tools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.jobs.e2e.OrientirCli;
import ru.orientir.warehouse.ClickHouseSqlOnChdbTest;
import ru.orientir.warehouse.ClickHouseSqlOnChdbTest.Table;
import ru.orientir.warehouse.WarehouseSettings;
import ru.orientir.warehouse.clickhouse.ClickHouseTestServer;

/**
 * The same generated region through the whole product on both warehouses, as a user runs it: {@code bin/orientir run}
 * (migrations, ingest, snapshot, analytics, publication) on the embedded DuckDB and on ClickHouse (a server, or the
 * chDB stand-in where none runs), then every {@code export}, {@code status} and {@code report} on each. Every
 * published mart must be identical value by value (floating values within 1e-9: each engine writes the snapshot's
 * rows in its own order, and Spark's sums may differ in the last bits), and so must every export and the brief's text.
 *
 * <p>The region has every input kind: student-level results, and school-level aggregates of the same seed beside them
 * (student rows win over aggregates for the same key), context, staffing, the survey, objectivity flags and the
 * official lists, the last of which is removed so that its year is the computed list.
 */
class WarehouseParityIT {
    @TempDir
    Path tmp;

    @Test
    void theSameRegionPublishesTheSameMartsOnDuckDbAndOnClickHouse() throws Exception {
        ClickHouseTestServer server = ClickHouseTestServer.require();
        WarehouseSettings clickHouse = server.freshDatabase("orientir_parity");
        try {
            Path inbox = tmp.resolve("inbox");
            // 90 schools enter the list a few a year: a lower minimum of entries gives the early warning a model, a
            // backtest and a calibration on this small region, so that comparing those marts proves something.
            Path config = Files.writeString(tmp.resolve("orientir.yml"),
                    "analytics:\n  early-warning: {min-entries: 2}\n", StandardCharsets.UTF_8);
            Map<String, String> base = Map.of("ORIENTIR_PSEUDONYM_KEY", "warehouse-parity-it-key-0123456789abcdef",
                    "ORIENTIR_PIPELINE_RETRIES", "0", "ORIENTIR_CONFIG", config.toString());
            OrientirCli generator = new OrientirCli(withHome(base, tmp.resolve("gen")));
            OrientirCli.Result students = generator.run("generate", "--schools", "90", "--years", "4", "--results",
                    "student", "--out", inbox.toString());
            assertEquals(0, students.exitCode(), students.stdout() + students.stderr());
            Path aggregates = tmp.resolve("aggregates");
            OrientirCli.Result schoolLevel = generator.run("generate", "--schools", "90", "--years", "4", "--results",
                    "aggregate", "--format", "csv-ru", "--out", aggregates.toString());
            assertEquals(0, schoolLevel.exitCode(), schoolLevel.stdout() + schoolLevel.stderr());
            int copied = 0;
            try (Stream<Path> files = Files.list(aggregates)) {
                for (Path f : files.filter(p -> p.getFileName().toString().contains("result")).toList()) {
                    Files.copy(f, inbox.resolve("school_level_" + f.getFileName()));
                    copied++;
                }
            }
            assertTrue(copied > 0, "school-level result files copied beside the student-level ones");
            int computedYear = AnalyticsChainIT.prepareInbox(inbox);
            List<String> unrecognised = writeUnrecognisedSubject(inbox);

            Path passwordFile = Files.writeString(tmp.resolve("clickhouse.password"), clickHouse.password() + "\n");
            Map<String, String> chEnv = new HashMap<>(withHome(base, tmp.resolve("clickhouse-home")));
            chEnv.put("ORIENTIR_WAREHOUSE_URL", clickHouse.jdbcUrl());
            chEnv.put("ORIENTIR_WAREHOUSE_USER", clickHouse.user());
            chEnv.put("ORIENTIR_WAREHOUSE_PASSWORD_FILE", passwordFile.toString());
            Path duckHome = tmp.resolve("duckdb-home");
            OrientirCli duck = new OrientirCli(withHome(base, duckHome));
            OrientirCli ch = new OrientirCli(chEnv);

            OrientirCli.Result duckRun = duck.run("run", "--inbox", inbox.toString());
            assertEquals(0, duckRun.exitCode(), "DuckDB run:\n" + duckRun.stdout() + duckRun.stderr());
            OrientirCli.Result chRun = ch.run("run", "--inbox", inbox.toString());
            assertEquals(0, chRun.exitCode(), "ClickHouse run:\n" + chRun.stdout() + chRun.stderr());
            assertFalse(chRun.stdout().contains(clickHouse.password()) || chRun.stderr().contains(clickHouse.password()),
                    "the ClickHouse password appears in the output");
            assertEquals(loadLines(duckRun.stdout()), loadLines(chRun.stdout()), "the run summaries' per-file counts");

            // Every published mart, value by value (run ids differ by design).
            List<String> marts = martTables(duckHome);
            assertTrue(marts.size() >= 9, "marts: " + marts);
            try (Connection d = readOnly(duckHome); Connection c = ClickHouseTestServer.connect(clickHouse)) {
                for (String mart : marts) {
                    Table onDuck = ClickHouseSqlOnChdbTest.sortedRows(ClickHouseSqlOnChdbTest.query(d,
                            "SELECT * EXCLUDE (run_id) FROM " + mart));
                    Table onClickHouse = ClickHouseSqlOnChdbTest.sortedRows(ClickHouseSqlOnChdbTest.query(c,
                            "SELECT * EXCEPT (run_id) FROM " + mart));
                    assertFalse(onDuck.rows().isEmpty(), mart + " is empty on DuckDB: the comparison would prove nothing");
                    ClickHouseSqlOnChdbTest.assertSameTable("mart " + mart + ": ClickHouse vs DuckDB", onDuck, onClickHouse);
                }
                // Every presentation view (what the dashboards and the brief read), value by value: the same file of
                // views migrated on both engines must give the same rows over real data, empty values included.
                List<String> views = presentationViews(duckHome);
                assertTrue(views.size() >= 10, "presentation views: " + views);
                for (String view : views) {
                    Table onDuck = ClickHouseSqlOnChdbTest.sortedRows(ClickHouseSqlOnChdbTest.query(d, "SELECT * FROM " + view));
                    Table onClickHouse = ClickHouseSqlOnChdbTest.sortedRows(ClickHouseSqlOnChdbTest.query(c,
                            "SELECT * FROM " + view));
                    assertFalse(onDuck.rows().isEmpty(), view + " is empty on DuckDB: the comparison would prove nothing");
                    ClickHouseSqlOnChdbTest.assertSameTable("view " + view + ": ClickHouse vs DuckDB", onDuck, onClickHouse);
                }
                // the subject the test wrote is the one the mart lists: one spelling, its two schools and two rows
                assertEquals(List.of(List.of(unrecognised.get(0), "ОГЭ", "Астрономия", "астрономия", 2L, 2L,
                                "нераспознанный предмет")),
                        ClickHouseSqlOnChdbTest.query(d, "SELECT CAST(year AS VARCHAR), procedure, subject_as_written, "
                                + "subject, CAST(schools AS BIGINT), CAST(file_rows AS BIGINT), reason "
                                + "FROM unrecognised_subjects").rows(), "unrecognised_subjects on DuckDB");
                assertEquals(1L, ClickHouseSqlOnChdbTest.query(c, "SELECT count(DISTINCT run_id) FROM meta_publication")
                        .rows().get(0).get(0), "one publication on ClickHouse");
            }

            // Every export, as the CLI writes it; the loads and quarantine exports without their random load ids.
            for (String export : exports()) {
                OrientirCli.Result a = duck.run("export", export, "--format", "csv");
                OrientirCli.Result b = ch.run("export", export, "--format", "csv");
                assertEquals(0, a.exitCode(), export + " on DuckDB: " + a.stderr());
                assertEquals(0, b.exitCode(), export + " on ClickHouse: " + b.stderr());
                assertTrue(a.stdout().lines().count() > 1 || export.equals("quarantine"), export + " is empty");
                boolean byLoad = export.equals("loads") || export.equals("quarantine");
                assertEquals(byLoad ? withoutFirstColumn(a.stdout()) : a.stdout(),
                        byLoad ? withoutFirstColumn(b.stdout()) : b.stdout(), "export " + export + ": ClickHouse vs DuckDB");
            }

            OrientirCli.Result status = ch.run("status");
            assertEquals(0, status.exitCode(), status.stdout() + status.stderr());
            assertTrue(status.stdout().contains("run-"), status.stdout());

            // The municipal brief: the same text from both warehouses.
            String municipality = firstMunicipality(inbox);
            Map<String, String> briefs = new LinkedHashMap<>();
            for (var e : Map.of("duckdb", duck, "clickhouse", ch).entrySet()) {
                Path out = tmp.resolve("brief-" + e.getKey() + ".html");
                OrientirCli.Result report = e.getValue().run("report", "--municipality", municipality, "--list-year",
                        String.valueOf(computedYear), "--out", out.toString(), "--format", "html");
                assertEquals(0, report.exitCode(), e.getKey() + ": " + report.stdout() + report.stderr());
                briefs.put(e.getKey(), Files.readString(out, StandardCharsets.UTF_8).replaceAll("run-[0-9A-Za-z-]+", "RUN"));
            }
            assertTrue(briefs.get("duckdb").contains(municipality), "the brief names its municipality");
            assertEquals(briefs.get("duckdb"), briefs.get("clickhouse"), "the brief from ClickHouse vs from DuckDB");
        } finally {
            server.dropDatabase(clickHouse);
        }
    }

    /**
     * The generated region recognises every subject it writes; beside it, a small school-level results file with a
     * subject no rule recognises (ОГЭ «Астрономия», grade 9) for two schools of the last assessment year, taken from
     * the student-level results file of that year, so that unrecognised_subjects has rows to compare. Good marks,
     * so that the lists do not depend on it. Returns the year, then the two school ids.
     */
    private static List<String> writeUnrecognisedSubject(Path inbox) throws Exception {
        Path results;
        try (Stream<Path> files = Files.list(inbox)) {
            results = files.filter(p -> p.getFileName().toString().matches("results_\\d{4}\\.csv")).max(Path::compareTo)
                    .orElseThrow(() -> new AssertionError("no student-level results file in " + inbox));
        }
        String year = null;
        java.util.LinkedHashSet<String> schools = new java.util.LinkedHashSet<>();
        try (Stream<String> lines = Files.lines(results, StandardCharsets.UTF_8)) {
            var it = lines.iterator();
            List<String> header = List.of(it.next().split(",", -1));
            int y = header.indexOf("year");
            int s = header.indexOf("school_id");
            assertTrue(y >= 0 && s >= 0, "results header: " + header);
            while (it.hasNext() && schools.size() < 2) {
                String[] f = it.next().split(",", -1);
                year = f[y];
                schools.add(f[s]);
            }
        }
        assertEquals(2, schools.size(), "two schools in " + results);
        List<String> ids = List.copyOf(schools);
        Files.writeString(inbox.resolve("school_level_unrecognised_subject.csv"),
                "year,procedure,grade,subject,school_id,participants,mark2,mark3,mark4,mark5\n"
                        + year + ",ОГЭ,9,Астрономия," + ids.get(0) + ",12,0,2,5,5\n"
                        + year + ",ОГЭ,9,Астрономия," + ids.get(1) + ",10,0,1,4,5\n",
                StandardCharsets.UTF_8);
        return List.of(year, ids.get(0), ids.get(1));
    }

    private static Map<String, String> withHome(Map<String, String> base, Path home) {
        Map<String, String> env = new HashMap<>(base);
        env.put("ORIENTIR_HOME", home.toString());
        return env;
    }

    /** The summary's per-file lines (file, kind and counts), without timings. */
    private static List<String> loadLines(String stdout) {
        return stdout.lines().filter(l -> l.contains("прочитано")).map(l -> l.replaceAll("\\d+[,.]\\d+ с", "")).sorted().toList();
    }

    private static List<String> exports() throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("..", "warehouse", "src", "main", "resources", "sql", "export"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().forEach(names::add);
        }
        return names;
    }

    private static List<String> martTables(Path duckHome) throws SQLException {
        return names(duckHome, "SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'meta\\_%' ESCAPE '\\' "
                + "AND table_name NOT LIKE 'stg\\_%' ESCAPE '\\' AND table_name NOT LIKE 'flyway%' ORDER BY 1");
    }

    private static List<String> presentationViews(Path duckHome) throws SQLException {
        return names(duckHome, "SELECT view_name FROM duckdb_views() "
                + "WHERE NOT internal AND view_name LIKE 'v\\_%' ESCAPE '\\' ORDER BY 1");
    }

    /** The first column of a catalogue query on the run's DuckDB warehouse, opened read-only. */
    private static List<String> names(Path duckHome, String catalogueQuery) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection d = readOnly(duckHome)) {
            for (List<Object> r : ClickHouseSqlOnChdbTest.query(d, catalogueQuery).rows()) {
                names.add((String) r.get(0));
            }
        }
        return names;
    }

    private static Connection readOnly(Path duckHome) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + duckHome.resolve("warehouse.duckdb"), p);
    }

    private static String withoutFirstColumn(String csv) {
        return String.join("\n", csv.lines().map(l -> l.substring(l.indexOf(',') + 1)).sorted().toList());
    }

    private static String firstMunicipality(Path inbox) throws Exception {
        try (Stream<Path> files = Files.list(inbox)) {
            Path schools = files.filter(p -> p.getFileName().toString().startsWith("schools")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(schools, StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split(",", -1));
            int i = header.indexOf("municipality");
            assertTrue(i >= 0, "schools header: " + header);
            return lines.get(1).split(",", -1)[i];
        }
    }
}
