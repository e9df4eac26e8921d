package ru.orientir.dashboards.assets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ru.orientir.dashboards.datasets.Dataset;
import ru.orientir.dashboards.datasets.NumberFormat;
import ru.orientir.dashboards.datasets.StableUuid;

/**
 * One chart: what it asks of its dataset (columns, metrics, a WHERE clause, a row limit) and how Superset draws it.
 * The same query shape gives both the chart's form data ({@link #params()}) and the query the API runs for it
 * ({@link #query()}), so measuring a chart measures exactly what the dashboard asks. Every number it shows carries
 * its format (the dataset column's or the metric's), and every category it sets apart its colour ({@link Palette}).
 *
 * @param columns for time-series, heat-map charts the x axis first; for tables the columns shown or grouped
 * @param categories the values of the series column (a bar or line chart's second column, a bubble chart's series)
 *                   the chart sets apart by colour; each has its colour in {@link Palette}
 */
public record Chart(String key, String title, Viz viz, Dataset dataset, List<String> columns, List<Metric> metrics,
                    String where, List<String> orderBy, int rowLimit, List<String> categories,
                    Map<String, Object> extra) {

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
        categories = List.copyOf(categories);
        extra = Map.copyOf(extra);
        for (String c : columns) {
            dataset.label(c);
        }
        boolean seriesColumn = (viz == Viz.BAR || viz == Viz.LINE) && columns.size() > 1 || viz == Viz.BUBBLE;
        if (seriesColumn && categories.isEmpty()) {
            throw new IllegalArgumentException(key + " colours the values of " + columns.get(1)
                    + ": name them as categories, so each gets a colour of its own");
        }
        if (viz == Viz.BAR || viz == Viz.LINE || viz == Viz.PIVOT) {
            if (metrics.stream().map(Metric::format).distinct().count() > 1) {
                throw new IllegalArgumentException(key + ": the metrics share one axis or one value format, "
                        + "so they need one number format");
            }
        }
        Palette.of(categories);
    }

    public UUID uuid() {
        return StableUuid.of("chart", key);
    }

    /**
     * The labels of the series the chart tells apart by colour: its categories when it colours a column's values,
     * else its metrics when a bar or line chart draws several.
     */
    public List<String> series() {
        if (!categories.isEmpty()) {
            return categories;
        }
        if ((viz == Viz.BAR || viz == Viz.LINE) && metrics.size() > 1) {
            return metrics.stream().map(Metric::label).toList();
        }
        return List.of();
    }

    /** Each series label's colour, for Superset's {@code label_colors}. */
    public Map<String, String> colors() {
        return Palette.of(series());
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
                p.put("y_axis_format", d3(metrics.get(0).format()));
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
                Map<String, Object> config = columnConfig();
                for (Metric m : metrics) {
                    if (m.format().numeric()) {
                        config.put(m.label(), Map.of("d3NumberFormat", m.format().d3()));
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
                p.put("show_cell_bars", false);
                p.put("table_timestamp_format", "%Y-%m-%d %H:%M:%S");
                p.put("server_pagination", false);
                p.put("column_config", columnConfig());
            }
            case PIVOT -> {
                // labelled columns: the pivot heads its rows with the column's name, not the dataset's label
                int rows = (Integer) extra.getOrDefault("rows", columns.size() - 1);
                List<Object> labelled = labelledColumns();
                p.put("groupbyRows", labelled.subList(0, rows));
                p.put("groupbyColumns", labelled.subList(rows, labelled.size()));
                p.put("metrics", adhoc);
                p.put("metricsLayout", "COLUMNS");
                p.put("aggregateFunction", "Sum");
                p.put("rowTotals", false);
                p.put("colTotals", false);
                p.put("valueFormat", d3(metrics.get(0).format()));
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
                p.put("y_axis_format", d3(metrics.get(0).format()));
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
                p.put("x_axis_format", d3(metrics.get(0).format()));
                p.put("y_axis_format", d3(metrics.get(1).format()));
                p.put("tooltipSizeFormat", d3(metrics.get(2).format()));
                p.put("show_legend", true);
                p.put("legendOrientation", "top");
                p.put("opacity", 0.8);
            }
            case SANKEY -> {
                p.put("source", columns.get(0));
                p.put("target", columns.get(1));
                p.put("metric", adhoc.get(0));
            }
            default -> throw new IllegalStateException();
        }
        Map<String, String> colors = colors();
        if (!colors.isEmpty()) {
            p.put("color_scheme", "supersetColors");
            p.put("label_colors", colors);
        }
        if (extra.get("sort_by") instanceof String sortSql) {
            p.put("timeseries_limit_metric", new Metric("Порядок", sortSql, NumberFormat.NONE).adhoc());
        }
        extra.forEach((k, v) -> {
            if (!k.equals("rows") && !k.equals("sort_by")) {
                p.put(k, v);
            }
        });
        return p;
    }

    /** The d3 format of a number, or Superset's default for words (never shown as numbers). */
    private static String d3(NumberFormat format) {
        return format.numeric() ? format.d3() : "SMART_NUMBER";
    }

    /** The table's {@code column_config}: the number format of every shown column that has one. */
    private Map<String, Object> columnConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        for (String c : columns) {
            NumberFormat f = dataset.column(c).format();
            if (f.numeric()) {
                config.put(c, Map.of("d3NumberFormat", f.d3()));
            }
        }
        return config;
    }

    /** The columns as SQL columns labelled in Russian, for charts that show a column's name, not its label. */
    private List<Object> labelledColumns() {
        return columns.stream().map(c -> (Object) Map.of("expressionType", "SQL", "sqlExpression", c,
                "label", dataset.label(c))).toList();
    }

    /** The query Superset runs for this chart ({@code POST /api/v1/chart/data}), against the dataset's numeric id. */
    public Map<String, Object> query(long datasetId) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("columns", viz == Viz.PIVOT ? labelledColumns() : columns);
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
            boolean ascending = Boolean.FALSE.equals(extra.get("order_desc"));
            order.add(List.of(new Metric("Порядок", sortSql, NumberFormat.NONE).adhoc(), ascending));
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
