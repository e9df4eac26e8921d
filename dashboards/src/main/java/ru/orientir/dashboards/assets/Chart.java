package ru.orientir.dashboards.assets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ru.orientir.dashboards.datasets.Dataset;
import ru.orientir.dashboards.datasets.StableUuid;

/**
 * One chart: what it asks of its dataset (columns, metrics, a WHERE clause, a row limit) and how Superset draws it.
 * The same query shape gives both the chart's form data ({@link #params()}) and the query the API runs for it
 * ({@link #query()}), so measuring a chart measures exactly what the dashboard asks.
 *
 * @param columns for time-series, heat-map charts the x axis first; for tables the columns shown or grouped
 */
public record Chart(String key, String title, Viz viz, Dataset dataset, List<String> columns, List<Metric> metrics,
                    String where, List<String> orderBy, int rowLimit, Map<String, Object> extra) {

    public enum Viz {
        BAR("echarts_timeseries_bar"), LINE("echarts_timeseries_line"), TABLE("table"), RAW_TABLE("table"),
        PIVOT("pivot_table_v2"), HEATMAP("heatmap_v2"), SANKEY("sankey_v2"),
        /** One bubble per entity (columns: entity, series); metrics: x, y, size. */
        BUBBLE("bubble_v2");

        final String type;

        Viz(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    public Chart {
        columns = List.copyOf(columns);
        metrics = List.copyOf(metrics);
        orderBy = List.copyOf(orderBy);
        extra = Map.copyOf(extra);
        for (String c : columns) {
            dataset.label(c);
        }
    }

    public UUID uuid() {
        return StableUuid.of("chart", key);
    }

    /** The chart's form data as Superset stores it ({@code params}). */
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("viz_type", viz.type);
        p.put("adhoc_filters", where == null ? List.of() : List.of(Map.of(
                "expressionType", "SQL", "sqlExpression", where, "clause", "WHERE",
                "optionName", "filter_" + Integer.toHexString(where.hashCode()))));
        p.put("row_limit", rowLimit);
        List<Object> adhoc = metrics.stream().map(m -> (Object) m.adhoc()).toList();
        switch (viz) {
            case BAR, LINE -> {
                p.put("x_axis", columns.get(0));
                p.put("xAxisForceCategorical", true);
                p.put("groupby", columns.subList(1, columns.size()));
                p.put("metrics", adhoc);
                p.put("x_axis_title", dataset.label(columns.get(0)));
                p.put("x_axis_title_margin", 30);
                p.put("show_legend", true);
                p.put("legendOrientation", "top");
                p.put("rich_tooltip", true);
                p.put("show_value", true);
                p.put("truncateXAxis", true);
                p.put("y_axis_format", "SMART_NUMBER");
                p.put("sort_series_type", "name");
                if (viz == Viz.LINE) {
                    p.put("markerEnabled", true);
                }
            }
            case TABLE -> {
                p.put("query_mode", "aggregate");
                p.put("groupby", columns);
                p.put("metrics", adhoc);
                p.put("order_desc", true);
                p.put("table_timestamp_format", "smart_date");
                p.put("include_search", true);
                p.put("show_cell_bars", false);
                Map<String, Object> config = new LinkedHashMap<>();
                for (Metric m : metrics) {
                    if (m.label().startsWith("Доля")) {
                        config.put(m.label(), Map.of("d3NumberFormat", ".1%"));
                    }
                }
                p.put("column_config", config);
            }
            case RAW_TABLE -> {
                p.put("query_mode", "raw");
                p.put("all_columns", columns);
                p.put("order_by_cols", orderBy.stream().map(o -> "[\"" + o.replace(" DESC", "") + "\", "
                        + (!o.endsWith(" DESC")) + "]").toList());
                p.put("include_search", true);
                p.put("table_timestamp_format", "%Y-%m-%d %H:%M:%S");
                p.put("server_pagination", false);
            }
            case PIVOT -> {
                int rows = (Integer) extra.getOrDefault("rows", columns.size() - 1);
                p.put("groupbyRows", columns.subList(0, rows));
                p.put("groupbyColumns", columns.subList(rows, columns.size()));
                p.put("metrics", adhoc);
                p.put("metricsLayout", "COLUMNS");
                p.put("aggregateFunction", "Sum");
                p.put("rowTotals", false);
                p.put("colTotals", false);
                p.put("valueFormat", "SMART_NUMBER");
                p.put("combineMetric", false);
                p.put("transposePivot", false);
            }
            case HEATMAP -> {
                p.put("x_axis", columns.get(0));
                p.put("groupby", columns.get(1));
                p.put("metric", adhoc.get(0));
                p.put("linear_color_scheme", "superset_seq_1");
                p.put("show_values", true);
                p.put("normalize_across", "heatmap");
                p.put("show_legend", true);
                p.put("sort_x_axis", "alpha_asc");
                p.put("sort_y_axis", "alpha_asc");
            }
            case BUBBLE -> {
                p.put("entity", columns.get(0));
                p.put("series", columns.get(1));
                p.put("x", adhoc.get(0));
                p.put("y", adhoc.get(1));
                p.put("size", adhoc.get(2));
                p.put("max_bubble_size", "10");
                p.put("x_axis_label", metrics.get(0).label());
                p.put("y_axis_label", metrics.get(1).label());
                p.put("show_legend", true);
                p.put("legendOrientation", "top");
                p.put("opacity", 0.7);
            }
            case SANKEY -> {
                p.put("source", columns.get(0));
                p.put("target", columns.get(1));
                p.put("metric", adhoc.get(0));
            }
            default -> throw new IllegalStateException();
        }
        if (extra.get("sort_by") instanceof String sortSql) {
            p.put("timeseries_limit_metric", new Metric("Порядок", sortSql).adhoc());
        }
        extra.forEach((k, v) -> {
            if (!k.equals("rows") && !k.equals("sort_by")) {
                p.put(k, v);
            }
        });
        return p;
    }

    /** The query Superset runs for this chart ({@code POST /api/v1/chart/data}), against the dataset's numeric id. */
    public Map<String, Object> query(long datasetId) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("columns", columns);
        q.put("metrics", metrics.stream().map(m -> (Object) m.adhoc()).toList());
        q.put("filters", List.of());
        Map<String, Object> extras = new LinkedHashMap<>();
        if (where != null) {
            extras.put("where", "(" + where + ")");
        }
        q.put("extras", extras);
        q.put("row_limit", rowLimit);
        List<Object> order = new ArrayList<>();
        if (viz == Viz.RAW_TABLE) {
            for (String o : orderBy) {
                order.add(List.of(o.replace(" DESC", ""), !o.endsWith(" DESC")));
            }
        } else if (extra.get("sort_by") instanceof String sortSql) {
            order.add(List.of(new Metric("Порядок", sortSql).adhoc(), !Boolean.FALSE.equals(extra.get("order_desc")) ? false : true));
        } else if (!metrics.isEmpty() && viz != Viz.BAR && viz != Viz.LINE) {
            order.add(List.of(metrics.get(0).adhoc(), false));
        }
        q.put("orderby", order);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasource", Map.of("id", datasetId, "type", "table"));
        body.put("force", true);
        body.put("queries", List.of(q));
        body.put("result_format", "json");
        body.put("result_type", "full");
        return body;
    }
}
