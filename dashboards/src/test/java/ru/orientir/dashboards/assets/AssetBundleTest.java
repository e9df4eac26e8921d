package ru.orientir.dashboards.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import ru.orientir.dashboards.datasets.Dataset;
import ru.orientir.dashboards.datasets.MartDatasets;
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
        assertEquals(List.of("Вход и выход из списка ШНОР", "Муниципалитеты", "Динамика для министерства", "Качество данных"),
                titles);
    }
}
