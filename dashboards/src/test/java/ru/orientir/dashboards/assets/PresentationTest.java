package ru.orientir.dashboards.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.orientir.dashboards.datasets.Dataset;
import ru.orientir.dashboards.datasets.MartDatasets;
import ru.orientir.dashboards.superset.SupersetSync;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * The dashboards as an analyst reads them, checked on the bundle Superset imports: categories a chart sets apart get
 * clearly different colours; every column and metric a chart shows has a Russian label; and every number has the
 * format its meaning asks for, derived here from the warehouse's types and the column's meaning (ИСБ one decimal,
 * indices two, shares as percentages, counts whole, years as stored), not from the formats the code declares.
 */
class PresentationTest {
    /** CIE76 distance below which two colours read as one at a glance on small marks (Superset's two blues: 21). */
    static final double MIN_DELTA_E = 35;
    private static final Pattern RUSSIAN = Pattern.compile(".*[А-Яа-яЁё].*");
    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Set<String> INTEGER_TYPES = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "INT", "INT4", "INT8");
    private static final Set<String> DECIMAL_TYPES = Set.of("DOUBLE", "FLOAT", "REAL", "DECIMAL");
    /** Integer columns that are codes, not quantities: shown as stored. */
    private static final Set<String> CODES = Set.of("cluster");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> files;
    private static Map<String, Map<String, String>> types;
    /** Per chart key, per shown column or metric label, the warehouse type of what the chart's query returns. */
    private static final Map<String, Map<String, String>> SHOWN = new LinkedHashMap<>();
    /** Per presentation view, its definition as the migrated warehouse holds it. */
    private static final Map<String, String> VIEWS = new LinkedHashMap<>();

    @BeforeAll
    static void bundleOnTheMigratedWarehouse() throws Exception {
        try (Warehouse w = Warehouse.open(new WarehouseSettings("jdbc:duckdb:", null, null))) {
            w.migrate();
            try (Connection c = w.connection(); Statement s = c.createStatement()) {
                types = SupersetSync.columnTypes(c, MartDatasets.provisioned());
                try (ResultSet rs = s.executeQuery("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal")) {
                    while (rs.next()) {
                        VIEWS.put(rs.getString(1), rs.getString(2));
                    }
                }
                MartDatasets.views().forEach(d -> assertTrue(VIEWS.containsKey(d.table()), "no view " + d.table()));
                for (Chart chart : OrientirDashboards.charts()) {
                    Dataset d = chart.dataset();
                    List<String> select = new ArrayList<>(chart.columns());
                    chart.metrics().forEach(m -> select.add(m.sql() + " AS \"" + m.label() + "\""));
                    String sql = "SELECT " + String.join(", ", select) + " FROM "
                            + d.table()
                            + (chart.metrics().isEmpty() || chart.columns().isEmpty() ? ""
                                    : " GROUP BY " + String.join(", ", chart.columns()))
                            + " LIMIT 0";
                    Map<String, String> shown = new LinkedHashMap<>();
                    try (ResultSet rs = s.executeQuery(sql)) {
                        ResultSetMetaData md = rs.getMetaData();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            shown.put(md.getColumnLabel(i), md.getColumnTypeName(i));
                        }
                    }
                    SHOWN.put(chart.key(), shown);
                }
            }
        }
        files = new AssetBundle(new AssetBundle.Target("Orientir", "duckdb:////tmp/w.duckdb", "main", types),
                MartDatasets.provisioned(), OrientirDashboards.all()).files();
    }

    @Test
    void theCategoriesAChartSetsApartHaveClearlyDifferentColours() throws Exception {
        // the measure itself tells Superset's two near-identical blues apart from a usable palette
        assertTrue(deltaE("#1FA8C9", "#8FD3E4") < MIN_DELTA_E);
        assertTrue(deltaE("#E41A1C", "#BDBDBD") >= MIN_DELTA_E);

        List<String> problems = new ArrayList<>();
        int highlighting = 0;
        for (Dashboard d : OrientirDashboards.all()) {
            JsonNode dashboardColors = read("dashboards/" + d.slug() + ".yaml").path("metadata").path("label_colors");
            for (Chart c : d.charts()) {
                JsonNode p = read("charts/" + c.key() + ".yaml").path("params");
                List<String> series = seriesOf(p);
                if (series.isEmpty()) {
                    continue;
                }
                highlighting++;
                JsonNode colors = p.path("label_colors");
                for (String label : series) {
                    String color = colors.path(label).asText("");
                    if (!HEX.matcher(color).matches()) {
                        problems.add(c.key() + ": «" + label + "» has no colour of its own (" + color + ")");
                    } else if (!color.equals(dashboardColors.path(label).asText())) {
                        problems.add(d.slug() + ": the dashboard does not give «" + label + "» the colour of "
                                + c.key());
                    }
                }
                for (int i = 0; i < series.size(); i++) {
                    for (int j = i + 1; j < series.size(); j++) {
                        String a = colors.path(series.get(i)).asText("");
                        String b = colors.path(series.get(j)).asText("");
                        if (HEX.matcher(a).matches() && HEX.matcher(b).matches() && deltaE(a, b) < MIN_DELTA_E) {
                            problems.add(String.format(java.util.Locale.ROOT, "%s: «%s» %s and «%s» %s differ by "
                                    + "ΔE %.1f < %.0f", c.key(), series.get(i), a, series.get(j), b, deltaE(a, b),
                                    MIN_DELTA_E));
                        }
                    }
                }
                // where the view itself makes the words of the series column, every category is one of them
                String seriesColumn = p.path("series").isTextual() ? p.path("series").asText()
                        : p.path("groupby").path(0).asText("");
                String definition = VIEWS.getOrDefault(c.dataset().table(), "");
                if (definition.contains("END AS " + seriesColumn)) {
                    c.categories().forEach(cat -> {
                        if (!definition.contains("'" + cat + "'")) {
                            problems.add(c.key() + ": «" + cat + "» is not a value of " + seriesColumn);
                        }
                    });
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(highlighting >= 6, "charts that set categories apart: " + highlighting);
        Chart scatter = OrientirDashboards.charts().stream().filter(c -> c.key().equals("resilience_scatter"))
                .findFirst().orElseThrow();
        assertEquals(List.of("резильентные", "выше ожидаемого", "остальные"), seriesOf(params(scatter)));
    }

    @Test
    void everyShownColumnHasARussianLabelAndTheNumberFormatItsMeaningAsksFor() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> verbose = new HashMap<>();
        for (Dataset d : MartDatasets.provisioned()) {
            Map<String, String> names = new HashMap<>();
            read("datasets/orientir/" + d.table() + ".yaml").path("columns").forEach(col ->
                    names.put(col.path("column_name").asText(), col.path("verbose_name").asText()));
            verbose.put(d.table(), names);
            for (Dataset.Column col : d.columns()) {
                String label = names.get(col.name());
                if (label == null || !RUSSIAN.matcher(label).matches()) {
                    problems.add(d.table() + "." + col.name() + ": no Russian label (" + label + ")");
                }
                String expected = expectedFormat(col.name(), col.label(), types.get(d.table()).get(col.name()));
                String d3 = col.format().d3();
                if (FIXED.equals(expected) ? !isFixed(d3) : !java.util.Objects.equals(expected, d3)) {
                    problems.add(d.table() + "." + col.name() + ": format " + col.format().d3() + ", its meaning asks "
                            + expected);
                }
            }
        }
        for (Chart c : OrientirDashboards.charts()) {
            JsonNode p = params(c);
            Map<String, String> shown = SHOWN.get(c.key());
            for (String column : c.columns()) {
                String label = verbose.get(c.dataset().table()).get(column);
                if (label == null || !RUSSIAN.matcher(label).matches()) {
                    problems.add(c.key() + ": column " + column + " has no Russian label");
                }
            }
            for (Metric m : c.metrics()) {
                if (!RUSSIAN.matcher(m.label()).matches()) {
                    problems.add(c.key() + ": metric " + m.label() + " has no Russian label");
                }
            }
            switch (p.path("viz_type").asText()) {
                case "pivot_table_v2" -> {
                    // the pivot heads its rows and columns with what it is given: a labelled column, never a name
                    List<JsonNode> axes = new ArrayList<>();
                    p.path("groupbyRows").forEach(axes::add);
                    p.path("groupbyColumns").forEach(axes::add);
                    assertEquals(c.columns().size(), axes.size(), c.key());
                    for (JsonNode axis : axes) {
                        if (!RUSSIAN.matcher(axis.path("label").asText()).matches()) {
                            problems.add(c.key() + ": pivot header " + axis + " is not a Russian label");
                        }
                    }
                    for (Metric m : c.metrics()) {
                        check(problems, c.key(), m.label(), null, shown, p.path("valueFormat"), true);
                    }
                }
                case "table" -> {
                    JsonNode config = p.path("column_config");
                    for (String column : c.columns()) {
                        check(problems, c.key(), column, c.dataset().label(column), shown,
                                config.path(column).path("d3NumberFormat"), false);
                    }
                    for (Metric m : c.metrics()) {
                        check(problems, c.key(), m.label(), null, shown,
                                config.path(m.label()).path("d3NumberFormat"), false);
                    }
                }
                case "echarts_timeseries_bar", "echarts_timeseries_line" -> {
                    if (!RUSSIAN.matcher(p.path("x_axis_title").asText()).matches()) {
                        problems.add(c.key() + ": the x axis has no Russian title");
                    }
                    for (Metric m : c.metrics()) {
                        check(problems, c.key(), m.label(), null, shown, p.path("y_axis_format"), true);
                    }
                }
                case "heatmap_v2" -> check(problems, c.key(), c.metrics().get(0).label(), null, shown,
                        p.path("y_axis_format"), true);
                case "bubble_v2" -> {
                    check(problems, c.key(), c.metrics().get(0).label(), null, shown, p.path("x_axis_format"), true);
                    check(problems, c.key(), c.metrics().get(1).label(), null, shown, p.path("y_axis_format"), true);
                    check(problems, c.key(), c.metrics().get(2).label(), null, shown, p.path("tooltipSizeFormat"),
                            true);
                }
                case "sankey_v2" -> {
                    // draws flows; the one number, a count of schools, shows only in its tooltip
                }
                default -> problems.add(c.key() + ": a chart type this test does not know");
            }
        }
        assertEquals(List.of(), problems);
        // the cases the issue names, read from the bundle
        assertEquals(",.1f", params(chart("resilience_training_sites")).path("column_config").path("isb")
                .path("d3NumberFormat").asText());
        assertEquals(",.2f", params(chart("resilience_training_sites")).path("column_config").path("result_index")
                .path("d3NumberFormat").asText());
        assertEquals("Муниципалитет", params(chart("entry_exit_membership")).path("groupbyRows").path(0)
                .path("label").asText());
    }

    /** Stands for "a fixed number of decimals": other measures may show one or two. */
    private static final String FIXED = "fixed";

    private static boolean isFixed(String d3) {
        return ",.1f".equals(d3) || ",.2f".equals(d3);
    }

    /**
     * The format a number must have from what it means: years as stored, ИСБ one decimal, indices and deviations
     * two, shares (and probabilities) as percentages, integers whole; other decimals one or two ({@link #FIXED}); words none (null).
     */
    static String expectedFormat(String name, String label, String sqlType) {
        String type = sqlType == null ? "" : sqlType.toUpperCase(java.util.Locale.ROOT).replaceAll("\\(.*", "").strip();
        boolean integer = INTEGER_TYPES.contains(type);
        boolean decimal = DECIMAL_TYPES.contains(type);
        String l = label == null ? "" : label.toLowerCase(java.util.Locale.ROOT);
        if (!integer && !decimal || name.equals("year") || name.endsWith("_year") || CODES.contains(name)) {
            return null;
        }
        if (name.equals("isb") || label != null && label.contains("ИСБ")) {
            return ",.1f";
        }
        // a probability, and the share of entering schools found (recall), are shares too
        // … and a change of the share of «2», or the difference of two changes (percentage points)
        if (name.contains("share") || name.contains("probability") || name.contains("recall") || l.startsWith("доля")
                || l.contains(" доля") || l.contains("вероятност") || l.contains("доли «2»")) {
            return ".1%";
        }
        if (Set.of("result_index", "residual", "std_residual").contains(name) || l.contains("индекс")
                || l.contains("отклонение")) {
            return ",.2f";
        }
        return integer ? ",d" : FIXED;
    }

    private static void check(List<String> problems, String chart, String shownName, String label,
                              Map<String, String> shown, JsonNode format, boolean axis) {
        String type = shown.get(shownName);
        if (type == null) {
            problems.add(chart + ": the query does not return " + shownName);
            return;
        }
        String expected = expectedFormat(shownName, label == null ? shownName : label, type);
        String actual = format.isTextual() ? format.asText() : null;
        if (expected == null) {
            // words need no format; an axis always has one, a table column must not format a year
            if (!axis && actual != null) {
                problems.add(chart + ": " + shownName + " (" + type + ") is formatted as " + actual);
            }
        } else if (FIXED.equals(expected) ? !isFixed(actual) : !expected.equals(actual)) {
            problems.add(chart + ": " + shownName + " (" + type + ") shows as " + actual + ", its meaning asks "
                    + expected);
        }
    }

    /** The series a chart's legend tells apart: a bar/line chart's groupby values or its metrics, a bubble's series. */
    private static List<String> seriesOf(JsonNode p) {
        String viz = p.path("viz_type").asText();
        boolean timeseries = viz.startsWith("echarts_timeseries");
        if (timeseries && p.path("groupby").size() > 0 || viz.equals("bubble_v2")) {
            List<String> categories = new ArrayList<>();
            p.path("label_colors").fieldNames().forEachRemaining(categories::add);
            if (categories.size() < 2) {
                return List.of("(" + p + " sets categories apart without naming them)", "(none)");
            }
            return categories;
        }
        if (timeseries && p.path("metrics").size() > 1) {
            List<String> labels = new ArrayList<>();
            p.path("metrics").forEach(m -> labels.add(m.path("label").asText()));
            return labels;
        }
        return List.of();
    }

    /** CIE76 colour difference of two #rrggbb colours (sRGB, D65). */
    static double deltaE(String a, String b) {
        double[] x = lab(a);
        double[] y = lab(b);
        return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
    }

    private static double[] lab(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    private static Chart chart(String key) {
        return OrientirDashboards.charts().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    private static JsonNode params(Chart c) throws Exception {
        return read("charts/" + c.key() + ".yaml").path("params");
    }

    private static JsonNode read(String file) throws Exception {
        String content = files.get(file);
        assertTrue(content != null, "the bundle has " + file);
        return JSON.readTree(content);
    }
}
