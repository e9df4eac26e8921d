package ru.orientir.dashboards.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ru.orientir.dashboards.assets.Dashboard.Cell;
import ru.orientir.dashboards.assets.Dashboard.Filter;
import ru.orientir.dashboards.assets.Dashboard.Row;
import ru.orientir.dashboards.datasets.Dataset;
import ru.orientir.dashboards.datasets.StableUuid;

/**
 * The ZIP Superset's {@code POST /api/v1/assets/import/} takes: a database, datasets, charts and dashboards, every one
 * keyed by a deterministic UUID, so importing it again overwrites the same objects. The YAML files are written as
 * JSON, which is YAML.
 */
public final class AssetBundle {
    public static final String DATABASE_FILE = "databases/orientir.yaml";
    private static final String ROOT = "orientir_assets/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /**
     * Superset 5's table chart has no Russian text for its search box's placeholder and shows the message key
     * {@code search.num_records}; the box keeps its label «Поиск», the untranslated key is hidden.
     */
    static final String CSS = ".dt-global-filter input::placeholder { color: transparent; }";

    /**
     * @param databaseName the name Superset shows for the warehouse connection
     * @param sqlalchemyUri the warehouse as Superset's SQLAlchemy sees it (password masked or absent)
     * @param schema the schema (DuckDB {@code main}) or database (ClickHouse) the marts live in
     * @param columnTypes per dataset table, the warehouse's type of each column (from the live warehouse)
     * @param firstValues per single-value filter ({@link #filterKey}), the value it starts on (from the live
     *                    warehouse); Superset's own "first item" option selects without applying, so the default is
     *                    written into the dashboard instead
     * @param renewal     written into every dataset ({@code extra.orientir_renewal}), or empty for none: a new value
     *                    makes Superset record the dataset as changed, and its chart cache keys (which include the
     *                    dataset's change time) change with it, so no chart is served from the cache of data
     *                    published before; {@code dashboards sync} gives the time of the sync
     */
    public record Target(String databaseName, String sqlalchemyUri, String schema,
                         Map<String, Map<String, String>> columnTypes, Map<String, String> firstValues, String renewal) {
        public Target(String databaseName, String sqlalchemyUri, String schema,
                      Map<String, Map<String, String>> columnTypes, Map<String, String> firstValues) {
            this(databaseName, sqlalchemyUri, schema, columnTypes, firstValues, "");
        }

        public Target(String databaseName, String sqlalchemyUri, String schema,
                      Map<String, Map<String, String>> columnTypes) {
            this(databaseName, sqlalchemyUri, schema, columnTypes, Map.of());
        }
    }

    /** The key of a filter's column in {@link Target#firstValues()}: dataset table and column. */
    public static String filterKey(Filter f) {
        return f.dataset().table() + "." + f.column();
    }

    private final Target target;
    private final List<Dataset> datasets;
    private final List<Dashboard> dashboards;

    public AssetBundle(Target target, List<Dataset> datasets, List<Dashboard> dashboards) {
        this.target = target;
        this.datasets = List.copyOf(datasets);
        this.dashboards = List.copyOf(dashboards);
    }

    public static UUID databaseUuid() {
        return StableUuid.of("database", "warehouse");
    }

    /** File name inside the bundle → its content. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("metadata.yaml", "version: 1.0.0\ntype: assets\ntimestamp: '2026-01-01T00:00:00+00:00'\n");
        files.put(DATABASE_FILE, json(database()));
        for (Dataset d : datasets) {
            files.put("datasets/orientir/" + d.table() + ".yaml", json(dataset(d)));
        }
        Set<Chart> charts = new LinkedHashSet<>();
        dashboards.forEach(d -> charts.addAll(d.charts()));
        for (Chart c : charts) {
            files.put("charts/" + c.key() + ".yaml", json(chart(c)));
        }
        for (Dashboard d : dashboards) {
            files.put("dashboards/" + d.slug() + ".yaml", json(dashboard(d)));
        }
        return files;
    }

    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : files().entrySet()) {
                zip.putNextEntry(new ZipEntry(ROOT + f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private Map<String, Object> database() {
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("database_name", target.databaseName());
        db.put("sqlalchemy_uri", target.sqlalchemyUri());
        db.put("cache_timeout", null);
        db.put("expose_in_sqllab", true);
        db.put("allow_run_async", false);
        db.put("allow_ctas", false);
        db.put("allow_cvas", false);
        db.put("allow_dml", false);
        db.put("allow_file_upload", false);
        db.put("extra", Map.of("allows_virtual_table_explore", true));
        db.put("uuid", databaseUuid().toString());
        db.put("version", "1.0.0");
        return db;
    }

    private Map<String, Object> dataset(Dataset d) {
        Map<String, String> types = target.columnTypes().getOrDefault(d.table(), Map.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table_name", d.table());
        m.put("main_dttm_col", null);
        m.put("description", d.title());
        m.put("default_endpoint", null);
        m.put("offset", 0);
        m.put("cache_timeout", null);
        m.put("schema", target.schema());
        m.put("sql", null);
        m.put("params", null);
        m.put("template_params", null);
        m.put("filter_select_enabled", true);
        m.put("fetch_values_predicate", null);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("warning_markdown", "");
        extra.put("certification", Map.of("certified_by", "Orientir",
                "details", "Создано командой `orientir dashboards sync`; правки в Superset перезаписываются."));
        if (!target.renewal().isEmpty()) {
            extra.put("orientir_renewal", target.renewal());
        }
        m.put("extra", extra);
        m.put("uuid", d.uuid().toString());
        m.put("metrics", List.of(Map.of("metric_name", "count", "verbose_name", "Количество строк",
                "metric_type", "count", "expression", "COUNT(*)")));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Dataset.Column c : d.columns()) {
            String type = types.get(c.name());
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("column_name", c.name());
            col.put("verbose_name", c.label());
            col.put("is_dttm", type != null && type.toUpperCase().startsWith("TIMESTAMP")
                    || type != null && type.startsWith("DateTime"));
            col.put("is_active", true);
            col.put("type", type);
            col.put("groupby", true);
            col.put("filterable", true);
            col.put("expression", null);
            col.put("description", null);
            col.put("python_date_format", null);
            columns.add(col);
        }
        m.put("columns", columns);
        m.put("version", "1.0.0");
        m.put("database_uuid", databaseUuid().toString());
        return m;
    }

    private static Map<String, Object> chart(Chart c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slice_name", c.title());
        m.put("description", null);
        m.put("viz_type", c.viz().type());
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        params.put("datasource", "1__table");
        m.put("params", params);
        m.put("query_context", null);
        m.put("cache_timeout", null);
        m.put("uuid", c.uuid().toString());
        m.put("version", "1.0.0");
        m.put("dataset_uuid", c.dataset().uuid().toString());
        return m;
    }

    private Map<String, Object> dashboard(Dashboard d) {
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("DASHBOARD_VERSION_KEY", "v2");
        position.put("ROOT_ID", Map.of("type", "ROOT", "id", "ROOT_ID", "children", List.of("GRID_ID")));
        position.put("HEADER_ID", Map.of("type", "HEADER", "id", "HEADER_ID", "meta", Map.of("text", d.title())));
        List<String> rowIds = new ArrayList<>();
        int chartNo = 0;
        int rowNo = 0;
        for (Row row : d.rows()) {
            String rowId = "ROW-" + (++rowNo);
            rowIds.add(rowId);
            List<String> children = new ArrayList<>();
            int cellNo = 0;
            for (Cell cell : row.cells()) {
                cellNo++;
                if (cell.chart() != null) {
                    Chart c = cell.chart();
                    String id = "CHART-" + c.key();
                    children.add(id);
                    position.put(id, Map.of("type", "CHART", "id", id, "children", List.of(),
                            "parents", List.of("ROOT_ID", "GRID_ID", rowId),
                            "meta", Map.of("width", cell.width(), "height", row.height(), "chartId", ++chartNo,
                                    "uuid", c.uuid().toString(), "sliceName", c.title())));
                } else {
                    String id = "MARKDOWN-" + rowNo + "-" + cellNo;
                    children.add(id);
                    position.put(id, Map.of("type", "MARKDOWN", "id", id, "children", List.of(),
                            "parents", List.of("ROOT_ID", "GRID_ID", rowId),
                            "meta", Map.of("width", cell.width(), "height", row.height(), "code", cell.note())));
                }
            }
            position.put(rowId, Map.of("type", "ROW", "id", rowId, "children", children,
                    "parents", List.of("ROOT_ID", "GRID_ID"), "meta", Map.of("background", "BACKGROUND_TRANSPARENT")));
        }
        position.put("GRID_ID", Map.of("type", "GRID", "id", "GRID_ID", "children", rowIds, "parents", List.of("ROOT_ID")));

        List<Map<String, Object>> filters = new ArrayList<>();
        for (Filter f : d.filters()) {
            String id = "NATIVE_FILTER-" + StableUuid.of("filter", d.slug() + ":" + f.column()).toString().substring(0, 8);
            Map<String, Object> nf = new LinkedHashMap<>();
            nf.put("id", id);
            nf.put("name", f.name());
            nf.put("filterType", "filter_select");
            nf.put("type", "NATIVE_FILTER");
            nf.put("targets", List.of(Map.of("column", Map.of("name", f.column()), "datasetUuid", f.dataset().uuid().toString())));
            String first = f.single() ? target.firstValues().get(filterKey(f)) : null;
            nf.put("controlValues", Map.of("enableEmptyFilter", f.single(), "multiSelect", !f.single(),
                    "searchAllOptions", f.single(), "inverseSelection", false, "defaultToFirstItem", false));
            nf.put("defaultDataMask", first == null
                    ? Map.of("extraFormData", Map.of(), "filterState", Map.of(), "ownState", Map.of())
                    : Map.of("extraFormData", Map.of("filters", List.of(Map.of("col", f.column(), "op", "IN",
                                    "val", List.of(first)))),
                            "filterState", Map.of("value", List.of(first), "label", first), "ownState", Map.of()));
            nf.put("cascadeParentIds", List.of());
            nf.put("scope", Map.of("rootPath", List.of("ROOT_ID"), "excluded", List.of()));
            nf.put("description", "");
            filters.add(nf);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("native_filter_configuration", filters);
        metadata.put("cross_filters_enabled", true);
        metadata.put("color_scheme", "supersetColors");
        metadata.put("refresh_frequency", 0);
        metadata.put("expanded_slices", Map.of());
        // the dashboard's own label colours win over the scheme Superset deals out per dashboard
        metadata.put("label_colors", labelColors(d));
        metadata.put("shared_label_colors", List.of());
        metadata.put("timed_refresh_immune_slices", List.of());
        metadata.put("default_filters", "{}");
        metadata.put("chart_configuration", Map.of());

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dashboard_title", d.title());
        m.put("description", d.description());
        m.put("css", CSS);
        m.put("slug", d.slug());
        m.put("certified_by", "Orientir");
        m.put("certification_details", "Создано командой `orientir dashboards sync`");
        m.put("published", true);
        m.put("uuid", d.uuid().toString());
        m.put("position", position);
        m.put("metadata", metadata);
        m.put("version", "1.0.0");
        return m;
    }

    /** Every highlighted label of the dashboard's charts with its colour; one label has one colour on a dashboard. */
    static Map<String, String> labelColors(Dashboard d) {
        Map<String, String> colors = new LinkedHashMap<>();
        for (Chart c : d.charts()) {
            c.colors().forEach((label, color) -> {
                String before = colors.putIfAbsent(label, color);
                if (before != null && !before.equals(color)) {
                    throw new IllegalStateException(d.slug() + ": «" + label + "» has two colours");
                }
            });
        }
        return colors;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
