package ru.orientir.jobs.cli;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.dashboards.assets.Chart;
import ru.orientir.dashboards.assets.OrientirDashboards;
import ru.orientir.dashboards.superset.HeadlessChromium;
import ru.orientir.dashboards.superset.SupersetAcceptance;
import ru.orientir.dashboards.superset.SupersetClient;
import ru.orientir.dashboards.superset.SupersetPreconditions;
import ru.orientir.dashboards.superset.SupersetServer;

/**
 * End to end against a real Apache Superset: {@code bin/orientir generate} and {@code run} build a region (schools and
 * official lists, plus a file with bad rows so the quarantine has reasons), {@code dashboards sync} runs twice as a
 * separate process, then the API shows every object once, a municipal user sees only their municipality, headless
 * Chromium renders every dashboard with data (screenshots in dashboards/target/screenshots), and
 * {@code report} writes the brief. Superset starts once for the class. Skips loudly without Superset or Chromium;
 * fails instead when CI is set.
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

    @Test
    void syncTwiceThenEveryDashboardRendersAndMunicipalitiesStayApart() throws Exception {
        Path root = root();
        Path inbox = dir.resolve("inbox");
        Map<String, String> env = new HashMap<>();
        env.put("ORIENTIR_HOME", dir.resolve("home").toString());
        assertEquals(0, run(root, env, "generate", "--schools", "200", "--years", "5", "--out", inbox.toString()).code);
        // the dashboards read schools and lists today; the assessment files are for the analytics marts to come
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith("schools") && !name.startsWith("official_list")) {
                    Files.delete(f);
                }
            }
        }
        Files.writeString(inbox.resolve("official_list_errata.csv"),
                "list_year,school_id,reason\nabc,550001,x\n2024,NO-SUCH-SCHOOL,y\n", StandardCharsets.UTF_8);
        Proc pipeline = run(root, env, "run", "--inbox", inbox.toString());
        assertEquals(0, pipeline.code, pipeline.out + pipeline.err);

        Proc unconfigured = run(root, env, "dashboards", "sync");
        assertEquals(2, unconfigured.code);
        assertTrue(unconfigured.err.contains("Superset не настроен"), unconfigured.err);

        env.put("SUPERSET_URL", superset.url().toString());
        env.put("SUPERSET_USERNAME", SupersetServer.ADMIN);
        env.put("SUPERSET_PASSWORD", superset.adminPassword());
        for (int i = 1; i <= 2; i++) {
            long start = System.nanoTime();
            Proc sync = run(root, env, "dashboards", "sync");
            System.out.printf("dashboards sync #%d: %d ms (process); %s%n", i,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), sync.out.strip());
            assertEquals(0, sync.code, sync.out + sync.err);
            assertTrue(sync.out.contains("дашбордов 4"), sync.out);
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
        String user = "coordinator";
        SupersetClient coordinator = SupersetClient.login(superset.url(), user, acceptance.createMunicipalUser(user, municipality));
        for (String key : List.of("municipality_schools", "municipality_transitions_table")) {
            Chart chart = OrientirDashboards.charts().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
            long id = datasetIds.get(chart.dataset().table());
            List<JsonNode> seen = SupersetAcceptance.rows(coordinator, chart, id);
            assertFalse(seen.isEmpty(), key + ": the coordinator sees their municipality");
            Set<String> seenMunicipalities = seen.stream().map(r -> r.path("municipality").asText()).collect(Collectors.toSet());
            assertEquals(Set.of(municipality), seenMunicipalities, key + ": only their municipality");
            assertTrue(SupersetAcceptance.rows(admin, chart, id).stream()
                    .anyMatch(r -> !municipality.equals(r.path("municipality").asText())), key + ": the admin sees all");
        }

        Path shots = root.resolve("dashboards/target/screenshots/e2e");
        try (HeadlessChromium browser = new HeadlessChromium(HeadlessChromium.executable().orElseThrow(), 1600, 1200)) {
            var pages = SupersetAcceptance.render(browser, superset.url().toString(), SupersetServer.ADMIN,
                    superset.adminPassword(), shots);
            pages.forEach((slug, charts) -> charts.forEach(c -> System.out.println(slug + " | " + c.title() + " | data="
                    + c.hasData() + (c.error().isEmpty() ? "" : " | ERROR " + c.error()))));
            SupersetPreconditions.assertRendered(pages);
        }
        OrientirDashboards.all().forEach(d -> assertTrue(Files.exists(shots.resolve(d.slug() + ".png")), d.slug()));

        int lastYear;
        try (Connection c = readOnly(); var rs = c.createStatement().executeQuery("SELECT max(list_year) FROM school_status")) {
            rs.next();
            lastYear = rs.getInt(1);
        }
        Path docx = dir.resolve("brief.docx");
        Proc report = run(root, env, "report", "--municipality", municipality, "--list-year", String.valueOf(lastYear),
                "--out", docx.toString());
        assertEquals(0, report.code, report.out + report.err);
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertTrue(text.contains("Аналитическая справка: " + municipality), text);
            assertTrue(text.contains("6. Изменения год к году"));
            assertTrue(doc.getTables().size() >= 3);
        }
        Proc html = run(root, env, "report", "--municipality", municipality, "--list-year", String.valueOf(lastYear),
                "--format", "html", "--out", dir.resolve("brief.html").toString());
        assertEquals(0, html.code, html.err);
        assertTrue(Files.readString(dir.resolve("brief.html")).contains("<h2>1. Особенности муниципалитета</h2>"));
    }

    private static Connection readOnly() throws java.sql.SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("home/warehouse.duckdb"), p);
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
