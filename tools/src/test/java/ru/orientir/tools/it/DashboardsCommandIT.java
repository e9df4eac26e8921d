package ru.orientir.tools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.warehouse.WarehouseSettings;
import ru.orientir.warehouse.clickhouse.ClickHouseTestServer;
import ru.orientir.dashboards.assets.Chart;
import ru.orientir.dashboards.assets.Metric;
import ru.orientir.dashboards.assets.OrientirDashboards;
import ru.orientir.dashboards.datasets.Dataset;
import ru.orientir.dashboards.datasets.MartDatasets;
import ru.orientir.dashboards.datasets.NumberFormat;
import ru.orientir.dashboards.superset.HeadlessChromium;
import ru.orientir.dashboards.superset.SupersetAcceptance;
import ru.orientir.dashboards.superset.SupersetClient;
import ru.orientir.dashboards.superset.SupersetPreconditions;
import ru.orientir.dashboards.superset.SupersetServer;

/**
 * End to end against a real Apache Superset: {@code bin/orientir generate} and {@code run} build a region (schools,
 * official lists, school-level result aggregates, context, staffing, survey profiles, plus a file with bad rows so the
 * quarantine has reasons) and the analytics marts, {@code dashboards sync} runs as a separate process (twice on DuckDB,
 * to prove it updates in place), then the
 * API shows every object once, a municipal user sees only their municipality in every municipal dataset, every chart's
 * query is timed, headless Chromium renders every dashboard with data (screenshots in
 * dashboards/target/screenshots/e2e), and on DuckDB {@code report} writes the brief with its risk groups and staffing
 * (on ClickHouse the brief is compared with DuckDB's by WarehouseParityIT). Superset
 * starts once for the class. Skips loudly without Superset or Chromium; fails instead when CI is set.
 */
class DashboardsCommandIT {
    private static SupersetServer superset;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSuperset() throws Exception {
        SupersetPreconditions.requireOrSkip();
        superset = SupersetServer.start(SupersetServer.venv().orElseThrow());
    }

    @AfterAll
    static void stopSuperset() throws Exception {
        if (superset != null) {
            superset.close();
        }
    }

    /**
     * On DuckDB (Superset opens the file read-only) and on ClickHouse (a server, or the project's chDB stand-in;
     * Superset connects through clickhouse-connect as the read-only reader, never as the owner).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"duckdb", "clickhouse"})
    void syncTwiceThenEveryDashboardRendersAndMunicipalitiesStayApart(String engine) throws Exception {
        Path root = root();
        Path base = Files.createDirectories(dir.resolve(engine));
        Path inbox = base.resolve("inbox");
        Map<String, String> env = new HashMap<>();
        env.put("ORIENTIR_HOME", base.resolve("home").toString());
        WarehouseSettings clickHouse = null;
        ClickHouseTestServer server = null;
        if (engine.equals("clickhouse")) {
            server = ClickHouseTestServer.require();
            clickHouse = server.freshDatabase("orientir_dashboards");
            ClickHouseTestServer.Reader reader = server.readerFor(clickHouse);
            env.put("ORIENTIR_WAREHOUSE_URL", clickHouse.jdbcUrl());
            env.put("ORIENTIR_WAREHOUSE_USER", clickHouse.user());
            env.put("ORIENTIR_WAREHOUSE_PASSWORD", clickHouse.password());
            env.put("ORIENTIR_SUPERSET_WAREHOUSE_USER", reader.user());
            env.put("ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD", reader.password());
        }
        warehouse = clickHouse;
        warehouseHome = base.resolve("home");
        try {
            syncTwiceThenEveryDashboardRenders(root, base, inbox, env, engine);
        } finally {
            if (server != null) {
                server.dropDatabase(clickHouse);
            }
        }
    }

    private static WarehouseSettings warehouse;
    private static Path warehouseHome;

    private void syncTwiceThenEveryDashboardRenders(Path root, Path base, Path inbox, Map<String, String> env, String engine)
            throws Exception {
        // school-level aggregates (lighter than student rows) give the markers, result index and risk zone; the size
        // can be raised to measure chart times on a larger region (-Dorientir.it.schools=1000 -Dorientir.it.years=10)
        Proc generate = run(root, env, "generate", "--schools", System.getProperty("orientir.it.schools", "200"),
                "--years", System.getProperty("orientir.it.years", "5"), "--results", "aggregate",
                "--out", inbox.toString());
        assertEquals(0, generate.code, generate.out + generate.err);
        try (Stream<Path> files = Files.list(inbox)) {
            Set<String> names = files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
            for (String prefix : List.of("schools", "official_list", "results_agg", "context", "staffing")) {
                assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix)), prefix + " file generated: " + names);
            }
        }
        Files.writeString(inbox.resolve("official_list_errata.csv"),
                "list_year,school_id,reason\nabc,550001,x\n2024,NO-SUCH-SCHOOL,y\n", StandardCharsets.UTF_8);
        long pipelineStart = System.nanoTime();
        Proc pipeline = run(root, env, "run", "--inbox", inbox.toString());
        System.out.printf("pipeline run: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pipelineStart));
        assertEquals(0, pipeline.code, pipeline.out + pipeline.err);
        try (Connection c = readOnly(); var st = c.createStatement()) {
            for (String mart : List.of("school_year_markers", "risk_profile", "resilience")) {
                try (var rs = st.executeQuery("SELECT count(*) FROM " + mart)) {
                    rs.next();
                    assertTrue(rs.getLong(1) > 0, mart + " is published with rows");
                }
            }
            try (var rs = st.executeQuery("SELECT count(*) FROM school_status WHERE cluster = 4")) {
                rs.next();
                assertTrue(rs.getLong(1) > 0, "the risk zone (cluster 4) is decided from the results");
            }
        }

        Proc unconfigured = run(root, env, "dashboards", "sync");
        assertEquals(2, unconfigured.code);
        assertTrue(unconfigured.err.contains("Superset не настроен"), unconfigured.err);

        env.put("SUPERSET_URL", superset.url().toString());
        env.put("SUPERSET_USERNAME", SupersetServer.ADMIN);
        env.put("SUPERSET_PASSWORD", superset.adminPassword());
        // a second sync proves it updates in place; that is the same REST calls whatever the warehouse, so once
        int syncs = engine.equals("duckdb") ? 2 : 1;
        for (int i = 1; i <= syncs; i++) {
            long start = System.nanoTime();
            Proc sync = run(root, env, "dashboards", "sync");
            System.out.printf("dashboards sync #%d: %d ms (process); %s%n", i,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), sync.out.strip());
            assertEquals(0, sync.code, sync.out + sync.err);
            assertTrue(sync.out.contains("дашбордов " + OrientirDashboards.all().size()), sync.out);
        }

        List<String> municipalities = new ArrayList<>();
        Map<String, Long> datasetIds = new HashMap<>();
        try (Connection c = readOnly(); var rs = c.createStatement().executeQuery(
                "SELECT DISTINCT municipality FROM school_status ORDER BY 1")) {
            while (rs.next()) {
                municipalities.add(rs.getString(1));
            }
        }
        SupersetClient admin = SupersetClient.login(superset.url(), SupersetServer.ADMIN, superset.adminPassword());
        SupersetAcceptance acceptance = new SupersetAcceptance(admin);
        assertEquals(List.of(), acceptance.everyObjectOnce(municipalities));
        for (JsonNode d : admin.list("dataset")) {
            datasetIds.put(d.path("table_name").asText(), d.path("id").asLong());
        }

        String municipality = municipalities.get(1);
        String user = "coordinator_" + engine;
        SupersetClient coordinator = SupersetClient.login(superset.url(), user, acceptance.createMunicipalUser(user, municipality));
        List<Chart> rlsProbes = new ArrayList<>();
        for (String key : List.of("municipality_schools", "municipality_transitions_table")) {
            rlsProbes.add(OrientirDashboards.charts().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow());
        }
        // every municipal dataset, the views over the analytics marts included: rows per municipality as each sees them
        for (Dataset d : MartDatasets.provisioned()) {
            if (d.municipal()) {
                rlsProbes.add(new Chart("rls_" + d.table(), "Проверка RLS: " + d.title(), Chart.Viz.TABLE, d,
                        List.of("municipality"), List.of(new Metric("Строк", "COUNT(*)", NumberFormat.COUNT)), null, List.of(), 1000, List.of(), Map.of()));
            }
        }
        for (Chart chart : rlsProbes) {
            String key = chart.key();
            long id = datasetIds.get(chart.dataset().table());
            List<JsonNode> seen = SupersetAcceptance.rows(coordinator, chart, id);
            assertFalse(seen.isEmpty(), key + ": the coordinator sees their municipality");
            Set<String> seenMunicipalities = seen.stream().map(r -> r.path("municipality").asText()).collect(Collectors.toSet());
            assertEquals(Set.of(municipality), seenMunicipalities, key + ": only their municipality");
            assertTrue(SupersetAcceptance.rows(admin, chart, id).stream()
                    .anyMatch(r -> !municipality.equals(r.path("municipality").asText())), key + ": the admin sees all");
        }

        // every chart's query once, each with rows unless it may be empty; timing charts is `benchmark all`'s work
        Map<String, List<Duration>> times = acceptance.chartQueryTimes(datasetIds, 1);
        System.out.println("chart queries (chart-data API, no cache, one run each; not a measurement):");
        System.out.print(SupersetAcceptance.percentiles(times));
        List<Duration> all = times.values().stream().flatMap(List::stream).toList();
        System.out.printf("all charts: p50 %.1f ms, p95 %.1f ms%n", SupersetAcceptance.pct(all, 50),
                SupersetAcceptance.pct(all, 95));

        Path shots = root.resolve("dashboards/target/screenshots/e2e-" + engine);
        try (HeadlessChromium browser = new HeadlessChromium(HeadlessChromium.executable().orElseThrow(), 1600, 1200)) {
            var pages = SupersetAcceptance.render(browser, superset.url().toString(), SupersetServer.ADMIN,
                    superset.adminPassword(), shots);
            pages.forEach((slug, charts) -> charts.forEach(c -> System.out.println(slug + " | " + c.title() + " | data="
                    + c.hasData() + (c.error().isEmpty() ? "" : " | ERROR " + c.error()))));
            // every chart draws data, but the unrecognised subjects': a region whose subjects are all recognised has none
            java.util.Set<String> empty;
            try (Connection c = readOnly()) {
                empty = SupersetAcceptance.emptyTitles(c, Set.of("quality_unrecognised_subjects"));
            }
            SupersetPreconditions.assertRendered(pages, empty);
        }
        OrientirDashboards.all().forEach(d -> assertTrue(Files.exists(shots.resolve(d.slug() + ".png")), d.slug()));

        if (!engine.equals("duckdb")) {
            return; // the brief on ClickHouse, against DuckDB's, is WarehouseParityIT's
        }
        int lastYear;
        try (Connection c = readOnly(); var rs = c.createStatement().executeQuery("SELECT max(list_year) FROM school_status")) {
            rs.next();
            lastYear = rs.getInt(1);
        }
        Path docx = base.resolve("brief.docx");
        Proc report = run(root, env, "report", "--municipality", municipality, "--list-year", String.valueOf(lastYear),
                "--out", docx.toString());
        assertEquals(0, report.code, report.out + report.err);
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertTrue(text.contains("Аналитическая справка: " + municipality), text);
            assertTrue(text.contains("6. Изменения год к году"));
            assertTrue(text.contains("Уровни рисков по контекстным и кадровым данным за " + (lastYear - 1) + " год"), text);
            assertTrue(text.contains("По данным за " + (lastYear - 1) + " год: школ со сведениями"), text);
            assertTrue(text.contains("Кластер 4 — зона риска снижения образовательных результатов"), text);
            // Section 7, tracks 2–3: the early warning for the year after the last list year, with its verdict.
            assertTrue(text.contains("7. Треки 2–3: школы, за которыми следить в " + (lastYear + 1) + " году"), text);
            assertTrue(text.contains("Проверка на прошлых годах региона") || text.contains("Модели нет — недостаточно"),
                    text);
            assertTrue(text.contains("Трек 2 — рекомендуется наблюдать:"), text);
            assertFalse(text.contains("нет данных: в хранилище нет"), text);
            List<String> lastHeaders = doc.getTables().stream().map(t -> {
                var cells = t.getRow(0).getTableCells();
                return cells.get(cells.size() - 1).getText();
            }).toList();
            assertTrue(lastHeaders.contains("Школы с высоким уровнем"), "risk groups table: " + lastHeaders);
            assertTrue(lastHeaders.contains("Смена руководства"), "staffing table: " + lastHeaders);
        }
        Proc html = run(root, env, "report", "--municipality", municipality, "--list-year", String.valueOf(lastYear),
                "--format", "html", "--out", base.resolve("brief.html").toString());
        assertEquals(0, html.code, html.err);
        assertTrue(Files.readString(base.resolve("brief.html")).contains("<h2>1. Особенности муниципалитета</h2>"));
    }

    /** The test's own reading connection to the warehouse the run published into. */
    private static Connection readOnly() throws java.sql.SQLException {
        if (warehouse != null) {
            return ClickHouseTestServer.connect(warehouse);
        }
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + warehouseHome.resolve("warehouse.duckdb"), p);
    }

    private record Proc(int code, String out, String err) {
    }

    private static Proc run(Path root, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/orientir").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SUPERSET_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("bin/orientir " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        return new Proc(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path root() {
        String configured = System.getenv("ORIENTIR_ROOT");
        return configured != null ? Path.of(configured) : Path.of("..").toAbsolutePath().normalize();
    }
}
