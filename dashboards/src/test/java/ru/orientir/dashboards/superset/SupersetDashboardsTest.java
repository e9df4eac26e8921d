package ru.orientir.dashboards.superset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.orientir.dashboards.assets.Chart;
import ru.orientir.dashboards.assets.OrientirDashboards;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * Provisioning against a real Superset, over a warehouse file a pipeline run produced: {@code ORIENTIR_TEST_WAREHOUSE}
 * (e.g. {@code .orientir/demo/warehouse.duckdb}). Without it this class is skipped; the end-to-end version that builds
 * its own region through {@code bin/orientir} is {@code DashboardsCommandIT} in the jobs module.
 */
class SupersetDashboardsTest {
    private static SupersetServer server;
    private static Path warehouseFile;

    @BeforeAll
    static void start() throws Exception {
        String source = System.getenv("ORIENTIR_TEST_WAREHOUSE");
        Assumptions.assumeTrue(source != null, "ORIENTIR_TEST_WAREHOUSE not set: the Superset test over a ready "
                + "warehouse is skipped (DashboardsCommandIT in jobs runs the full one)");
        SupersetPreconditions.requireOrSkip();
        warehouseFile = Files.createTempDirectory("orientir-wh").resolve("warehouse.duckdb");
        Files.copy(Path.of(source), warehouseFile, StandardCopyOption.REPLACE_EXISTING);
        server = SupersetServer.startOrReuse(SupersetServer.venv().orElseThrow());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void syncTwiceRendersEveryDashboardAndKeepsMunicipalitiesApart() throws Exception {
        WarehouseSettings ws = new WarehouseSettings("jdbc:duckdb:" + warehouseFile, null, null);
        SupersetSettings settings = new SupersetSettings(server.url(), SupersetServer.ADMIN, server.adminPassword(), null);
        SupersetSync.Result first;
        SupersetSync.Result second;
        List<String> municipalities;
        try (Warehouse w = Warehouse.open(ws)) {
            first = new SupersetSync(settings, ws, w).run();
            second = new SupersetSync(settings, ws, w).run();
            try (Connection c = w.connection()) {
                municipalities = SupersetSync.municipalities(c);
            }
        }
        System.out.println("sync 1: " + first.took().toMillis() + " ms; sync 2: " + second.took().toMillis() + " ms");
        SupersetClient admin = SupersetClient.login(server.url(), SupersetServer.ADMIN, server.adminPassword());
        SupersetAcceptance acceptance = new SupersetAcceptance(admin);
        assertEquals(List.of(), acceptance.everyObjectOnce(municipalities));

        assertEquals(List.of(), acceptance.uncolouredCategories(second.datasetIds()));

        Map<String, List<Duration>> times = acceptance.chartQueryTimes(second.datasetIds(),
                Integer.parseInt(System.getenv().getOrDefault("ORIENTIR_TEST_CHART_REPEATS", "5")));
        System.out.println(SupersetAcceptance.percentiles(times));

        String municipality = municipalities.get(0);
        String user = "coordinator-" + Long.toHexString(System.nanoTime());
        String password = acceptance.createMunicipalUser(user, municipality);
        SupersetClient coordinator = SupersetClient.login(server.url(), user, password);
        Chart schools = OrientirDashboards.charts().stream().filter(c -> c.key().equals("municipality_schools")).findFirst().orElseThrow();
        long ds = second.datasetIds().get(schools.dataset().table());
        List<JsonNode> seen = SupersetAcceptance.rows(coordinator, schools, ds);
        assertFalse(seen.isEmpty(), "the coordinator sees the schools of their municipality");
        seen.forEach(r -> assertEquals(municipality, r.path("municipality").asText()));
        assertTrue(SupersetAcceptance.rows(admin, schools, ds).stream()
                .anyMatch(r -> !municipality.equals(r.path("municipality").asText())), "the admin sees every municipality");

        Path shots = Path.of("target", "screenshots");
        try (HeadlessChromium browser = new HeadlessChromium(HeadlessChromium.executable().orElseThrow(), 1600, 1200)) {
            var pages = SupersetAcceptance.render(browser, server.url().toString(), SupersetServer.ADMIN,
                    server.adminPassword(), shots);
            pages.forEach((slug, charts) -> charts.forEach(c -> System.out.println(slug + " | " + c)));
            java.util.Set<String> empty;
            try (Warehouse w = Warehouse.open(ws); Connection c = w.connection()) {
                empty = SupersetAcceptance.emptyTitles(c);
            }
            SupersetPreconditions.assertRendered(pages, empty);
            // a pivot heads its rows and columns with Russian labels, never the warehouse's column names
            List<String> rawHeaders = new java.util.ArrayList<>();
            for (Chart c : OrientirDashboards.charts()) {
                if (c.viz() != Chart.Viz.PIVOT) {
                    continue;
                }
                pages.values().stream().flatMap(List::stream).filter(p -> p.title().equals(c.title())).forEach(p ->
                        c.columns().stream().filter(col -> p.text().matches("(?s).*\\b" + col + "\\b.*"))
                                .forEach(col -> rawHeaders.add(c.key() + ": " + col)));
            }
            assertEquals(List.of(), rawHeaders);
        }
    }
}
