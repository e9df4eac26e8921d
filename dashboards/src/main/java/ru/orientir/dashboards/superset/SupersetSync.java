package ru.orientir.dashboards.superset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import ru.orientir.dashboards.assets.AssetBundle;
import ru.orientir.dashboards.assets.Chart;
import ru.orientir.dashboards.assets.Dashboard;
import ru.orientir.dashboards.assets.OrientirDashboards;
import ru.orientir.dashboards.datasets.Dataset;
import ru.orientir.dashboards.datasets.MartDatasets;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * {@code orientir dashboards sync}: provisions the warehouse connection, datasets, charts and dashboards into Superset
 * as one asset bundle keyed by UUIDs (so a second sync overwrites, never duplicates), then the municipal roles and
 * their row-level security rules (found by name, updated in place).
 *
 * <p>Superset's chart cache: every sync renews every dataset, so a chart is served from the cache only until the next
 * sync, which a pipeline run does right after its publication.
 *
 * <p>Municipal access: a coordinator's user gets Superset's {@code Gamma} role and the role {@code МО: <municipality>},
 * which both reads the datasets that carry a municipality and filters them to that municipality's rows (row-level
 * security); without such a role a user reads none of them. Superset must expose its security API
 * ({@code FAB_ADD_SECURITY_API = True}).
 */
public final class SupersetSync {
    public static final String DATABASE_NAME = "Orientir (хранилище)";
    /** The shared access role of earlier versions: no longer created; a sync takes its permissions away. */
    public static final String LEGACY_ACCESS_ROLE = "Orientir: муниципальный координатор";
    public static final String MUNICIPAL_ROLE_PREFIX = "МО: ";
    /** A regional ministry's role in a warehouse of several regions: {@code Регион: 69}. */
    public static final String REGIONAL_ROLE_PREFIX = "Регион: ";
    static final String RLS_PREFIX = "Orientir: только ";

    public record Result(int datasets, int charts, int dashboards, int municipalities, Map<String, Long> dashboardIds,
                         Map<String, Long> datasetIds, Duration took) {
        public String summary(String url) {
            return String.format(java.util.Locale.ROOT, "Superset %s: наборов данных %d, диаграмм %d, дашбордов %d, "
                    + "ролей муниципалитетов %d (с ограничением строк) — за %.1f с", url, datasets, charts, dashboards,
                    municipalities, took.toMillis() / 1000.0);
        }
    }

    private final SupersetSettings settings;
    private final WarehouseSettings warehouseSettings;
    private final Warehouse warehouse;

    /**
     * @param warehouse the open warehouse (the caller's connection pool), read for column types and municipalities
     *                  before Superset is called; Superset itself opens DuckDB read-only in its own process
     */
    public SupersetSync(SupersetSettings settings, WarehouseSettings warehouseSettings, Warehouse warehouse) {
        this.settings = settings;
        this.warehouseSettings = warehouseSettings;
        this.warehouse = warehouse;
    }

    public Result run() throws SQLException {
        long started = System.nanoTime();
        WarehouseForSuperset target = WarehouseForSuperset.of(warehouseSettings, settings.databaseUriOverride(),
                settings.reader());
        List<Dataset> datasets = MartDatasets.provisioned();
        List<Dashboard> dashboards = OrientirDashboards.all();
        List<String> municipalities;
        List<String> regions;
        Map<String, Map<String, String>> types;
        Map<String, String> firstValues;
        try (Connection c = warehouse.connection()) {
            types = columnTypes(c, datasets);
            municipalities = municipalities(c);
            regions = regions(c);
            firstValues = firstValues(c, dashboards);
        }
        // the sync's time in every dataset: Superset then records each as changed and keys its charts' cache anew (see
        // AssetBundle.Target), so after a publication, whose run ends with this sync, no chart shows the data of the one
        // before. (Superset 5.0's import already touches every dataset it overwrites; the value makes that explicit.)
        AssetBundle bundle = new AssetBundle(new AssetBundle.Target(DATABASE_NAME, target.sqlalchemyUri(),
                target.schema(), types, firstValues, java.time.Instant.now().toString()), datasets, dashboards);

        SupersetClient client = SupersetClient.login(settings.url(), settings.username(), settings.password());
        client.importAssets(bundle.zip(), target.passwords());

        Map<String, Long> datasetIds = idsByUuid(client, "dataset", datasets.stream()
                .collect(LinkedHashMap::new, (m, d) -> m.put(d.uuid().toString(), d.table()), Map::putAll));
        Map<String, Long> dashboardIds = idsByUuid(client, "dashboard", dashboards.stream()
                .collect(LinkedHashMap::new, (m, d) -> m.put(d.uuid().toString(), d.slug()), Map::putAll));
        List<Chart> charts = OrientirDashboards.charts();
        Map<String, Long> chartIds = idsByUuid(client, "chart", charts.stream()
                .collect(LinkedHashMap::new, (m, ch) -> m.put(ch.uuid().toString(), ch.key()), Map::putAll));

        List<Long> municipalDatasets = datasets.stream().filter(Dataset::municipal).map(d -> datasetIds.get(d.table())).toList();
        MunicipalAccess access = new MunicipalAccess(client);
        access.apply(municipalities, municipalDatasets, DATABASE_NAME);
        // a regional ministry reads its region's rows: by the dataset's region column, else by its schools or
        // municipalities (the data-quality tables are the installation's, not a region's)
        Map<String, List<Long>> regional = new LinkedHashMap<>();
        for (String by : List.of("region", "school_id", "municipality")) {
            regional.put(by, new ArrayList<>());
        }
        for (Dataset d : datasets) {
            String by = d.has("region") ? "region" : !d.municipal() ? null : d.has("school_id") ? "school_id" : "municipality";
            if (by != null) {
                regional.get(by).add(datasetIds.get(d.table()));
            }
        }
        access.applyRegions(regions, regional);
        return new Result(datasetIds.size(), chartIds.size(), dashboardIds.size(), municipalities.size(), dashboardIds,
                datasetIds, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Map<String, Long> idsByUuid(SupersetClient client, String resource, Map<String, String> names) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (JsonNode n : client.list(resource)) {
            String name = names.get(n.path("uuid").asText());
            if (name != null) {
                ids.put(name, n.path("id").asLong());
            }
        }
        if (ids.size() != names.size()) {
            List<String> missing = new ArrayList<>(names.values());
            missing.removeAll(ids.keySet());
            throw new SupersetException("После импорта в Superset нет объектов " + resource + ": " + missing);
        }
        return ids;
    }

    /** The warehouse's type of every dataset column, from the catalogue (tables and the presentation views alike). */
    public static Map<String, Map<String, String>> columnTypes(Connection c, List<Dataset> datasets) throws SQLException {
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        for (Dataset d : datasets) {
            Map<String, String> t = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?")) {
                ps.setString(1, d.table());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        t.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (Dataset.Column col : d.columns()) {
                if (!t.containsKey(col.name())) {
                    throw new SupersetException("В хранилище у набора данных " + d.table() + " нет столбца "
                            + col.name() + " — схема хранилища и наборы данных разошлись");
                }
            }
            types.put(d.table(), t);
        }
        return types;
    }

    /** The first value (in sort order) of every single-value filter's column, the value its dashboard opens on. */
    static Map<String, String> firstValues(Connection c, List<Dashboard> dashboards) throws SQLException {
        Map<String, String> first = new LinkedHashMap<>();
        for (Dashboard d : dashboards) {
            for (Dashboard.Filter f : d.filters()) {
                if (!f.single()) {
                    continue;
                }
                Dataset ds = f.dataset();
                ds.label(f.column()); // the column is one of the dataset's own, never user input
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT MIN(" + f.column() + ") FROM " + ds.table())) {
                    if (rs.next() && rs.getString(1) != null) {
                        first.put(AssetBundle.filterKey(f), rs.getString(1));
                    }
                }
            }
        }
        return first;
    }

    /** The region codes of the published marts; none in a one-region warehouse (its code is empty). */
    static List<String> regions(Connection c) throws SQLException {
        return firstColumn(c, "SELECT DISTINCT region FROM school_status WHERE region <> '' ORDER BY region");
    }

    static List<String> municipalities(Connection c) throws SQLException {
        return firstColumn(c, "SELECT DISTINCT municipality FROM school_status ORDER BY municipality");
    }

    private static List<String> firstColumn(Connection c, String sql) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        return all;
    }
}
