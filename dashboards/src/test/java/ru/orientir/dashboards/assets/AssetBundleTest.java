package ru.orientir.dashboards.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import ru.orientir.dashboards.datasets.Dataset;
import ru.orientir.dashboards.datasets.MartDatasets;
import ru.orientir.dashboards.datasets.StableUuid;
import ru.orientir.dashboards.superset.SupersetSync;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

class AssetBundleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBundleHoldsEveryObjectKeyedByStableUuidsWithRussianTitles() throws Exception {
        Map<String, Map<String, String>> types;
        try (Warehouse w = Warehouse.open(new WarehouseSettings("jdbc:duckdb:", null, null))) {
            w.migrate();
            try (Connection c = w.connection()) {
                // every physical dataset and every view runs on the migrated schema and yields exactly its labelled columns
                types = SupersetSync.columnTypes(c, MartDatasets.provisioned());
            }
        }
        for (Dataset d : MartDatasets.provisioned()) {
            assertEquals(d.columns().stream().map(Dataset.Column::name).collect(java.util.stream.Collectors.toSet()),
                    types.get(d.table()).keySet(), d.table());
        }
        AssetBundle bundle = new AssetBundle(new AssetBundle.Target("Orientir", "duckdb:////tmp/w.duckdb?access_mode=read_only",
                "main", types), MartDatasets.provisioned(), OrientirDashboards.all());
        Map<String, String> files = bundle.files();
        assertEquals(1 + 1 + MartDatasets.provisioned().size() + OrientirDashboards.charts().size()
                + OrientirDashboards.all().size(), files.size());
        assertEquals(files, new AssetBundle(new AssetBundle.Target("Orientir", "duckdb:////tmp/w.duckdb?access_mode=read_only",
                "main", types), MartDatasets.provisioned(), OrientirDashboards.all()).files(), "deterministic");

        Set<String> uuids = new HashSet<>();
        Set<String> datasetUuids = new HashSet<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getKey().equals("metadata.yaml")) {
                continue;
            }
            JsonNode n = JSON.readTree(f.getValue());
            assertTrue(uuids.add(n.path("uuid").asText()), "unique uuid " + f.getKey());
            if (f.getKey().startsWith("datasets/")) {
                datasetUuids.add(n.path("uuid").asText());
                n.path("columns").forEach(c -> assertTrue(c.path("verbose_name").asText().matches(".*[А-Яа-яЁё].*")));
            }
            if (f.getKey().startsWith("charts/")) {
                assertTrue(n.path("slice_name").asText().matches(".*[А-Яа-яЁё].*"), f.getKey());
                assertTrue(datasetUuids.contains(n.path("dataset_uuid").asText()), "chart on a provisioned dataset");
            }
            if (f.getKey().startsWith("dashboards/")) {
                assertTrue(n.path("dashboard_title").asText().matches(".*[А-Яа-яЁё].*"));
                n.path("position").forEach(node -> {
                    if ("CHART".equals(node.path("type").asText())) {
                        assertTrue(files.values().stream().anyMatch(v -> v.contains(node.path("meta").path("uuid").asText())));
                    }
                });
            }
        }
        List<String> titles = OrientirDashboards.all().stream().map(Dashboard::title).toList();
        assertEquals(List.of("Вход и выход из списка ШНОР", "Муниципалитеты", "Динамика для министерства",
                "Профиль школы", "Рисковые профили", "Резильентность", "Раннее предупреждение",
                "Дорожная карта: исполнение", "Регионы: сравнение год к году", "Качество данных"),
                titles);
    }

    @Test
    void uuidsAreDerivedFromStableNamesAndEveryChartAndFilterStandsOnAProvisionedDataset() {
        // fixed forever: a UUID that changes orphans the object in every Superset it was imported into
        assertEquals("school-profile", OrientirDashboards.all().get(3).slug());
        assertEquals(StableUuid.of("dashboard", "school-profile"), OrientirDashboards.all().get(3).uuid());
        assertEquals(StableUuid.of("chart", "resilience_scatter"), chart("resilience_scatter").uuid());
        assertEquals(OrientirDashboards.charts().size(),
                OrientirDashboards.charts().stream().map(Chart::uuid).distinct().count(), "chart keys are unique");
        assertEquals(OrientirDashboards.all().size(),
                OrientirDashboards.all().stream().map(Dashboard::uuid).distinct().count());
        List<Dataset> provisioned = MartDatasets.provisioned();
        for (Dashboard d : OrientirDashboards.all()) {
            assertTrue(d.description().matches(".*[А-Яа-яЁё].*"), d.slug());
            assertFalse(d.charts().isEmpty(), d.slug());
            for (Chart c : d.charts()) {
                assertTrue(provisioned.contains(c.dataset()), c.key() + " reads " + c.dataset().table());
                c.metrics().forEach(m -> assertTrue(m.label().matches(".*[А-Яа-яЁё].*"), c.key() + ": " + m.label()));
            }
            for (Dashboard.Filter f : d.filters()) {
                assertTrue(provisioned.contains(f.dataset()), d.slug() + " filter " + f.name());
                f.dataset().label(f.column());
                // the filter reaches every chart of the dashboard only if each chart's dataset has the column
                d.charts().forEach(c -> c.dataset().label(f.column()));
            }
        }
        // every view over the new marts carries the municipality, so row-level security covers it
        for (Dataset d : List.of(MartDatasets.SCHOOL_RESULTS, MartDatasets.RISK_PROFILE, MartDatasets.RESILIENCE,
                MartDatasets.LIST_GAP, MartDatasets.SCHOOL_CONTEXT, MartDatasets.SCHOOL_STAFFING)) {
            assertTrue(d.view() && d.municipal(), d.table());
        }
        Dashboard profile = OrientirDashboards.all().get(3);
        assertEquals(List.of("school"), profile.filters().stream().map(Dashboard.Filter::column).toList());
        assertTrue(profile.filters().get(0).single(), "the profile is about one school");
    }

    @Test
    void aSingleValueFilterOpensOnTheFirstValueFoundInTheWarehouse() throws Exception {
        Dashboard profile = OrientirDashboards.all().get(3);
        Dashboard.Filter school = profile.filters().get(0);
        AssetBundle bundle = new AssetBundle(new AssetBundle.Target("Orientir", "duckdb:////tmp/w.duckdb", "main",
                Map.of(), Map.of(AssetBundle.filterKey(school), "550001 — Школа")), List.of(), List.of(profile));
        JsonNode filter = JSON.readTree(bundle.files().get("dashboards/school-profile.yaml"))
                .path("metadata").path("native_filter_configuration").path(0);
        assertEquals("Школа", filter.path("name").asText());
        assertFalse(filter.path("controlValues").path("multiSelect").asBoolean());
        assertTrue(filter.path("controlValues").path("enableEmptyFilter").asBoolean());
        assertEquals("550001 — Школа", filter.path("defaultDataMask").path("filterState").path("value").path(0).asText());
        JsonNode applied = filter.path("defaultDataMask").path("extraFormData").path("filters").path(0);
        assertEquals("school", applied.path("col").asText());
        assertEquals("IN", applied.path("op").asText());
        assertEquals("550001 — Школа", applied.path("val").path(0).asText());
    }

    /** Each chart's query (columns, metrics, WHERE) as plain SQL, run on the migrated warehouse: it must parse and bind. */
    @Test
    void everyChartQueryRunsOnTheMigratedWarehouse() throws Exception {
        try (Warehouse w = Warehouse.open(new WarehouseSettings("jdbc:duckdb:", null, null))) {
            w.migrate();
            try (Connection c = w.connection(); Statement s = c.createStatement()) {
                for (Chart chart : OrientirDashboards.charts()) {
                    Dataset d = chart.dataset();
                    List<String> select = new java.util.ArrayList<>(chart.columns());
                    chart.metrics().forEach(m -> select.add(m.sql() + " AS \"" + m.label() + "\""));
                    String sql = "SELECT " + String.join(", ", select) + " FROM "
                            + d.table()
                            + (chart.where() == null ? "" : " WHERE " + chart.where())
                            + (chart.metrics().isEmpty() || chart.columns().isEmpty() ? ""
                                    : " GROUP BY " + String.join(", ", chart.columns()));
                    try {
                        s.executeQuery(sql).close();
                    } catch (java.sql.SQLException e) {
                        throw new AssertionError(chart.key() + ": " + e.getMessage() + "\n" + sql, e);
                    }
                }
            }
        }
    }

    private static Chart chart(String key) {
        return OrientirDashboards.charts().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }
}
