package ru.orientir.dashboards.superset;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import ru.orientir.dashboards.assets.AssetBundle;
import ru.orientir.dashboards.assets.Chart;
import ru.orientir.dashboards.assets.Dashboard;
import ru.orientir.dashboards.assets.OrientirDashboards;
import ru.orientir.dashboards.datasets.Dataset;
import ru.orientir.dashboards.datasets.MartDatasets;

/**
 * The checks a provisioned Superset must pass, shared by the tests that provision one: every object exactly once,
 * every dashboard rendering its charts with data in a real browser, municipal row-level security, and chart query
 * timings. Failures are collected and returned as readable lines.
 */
public final class SupersetAcceptance {
    private final SupersetClient admin;

    public SupersetAcceptance(SupersetClient admin) {
        this.admin = admin;
    }

    /** Problems with object counts: each database, dataset, chart, dashboard, role and RLS rule exactly once. */
    public List<String> everyObjectOnce(List<String> municipalities) {
        List<String> problems = new ArrayList<>();
        expectOnce(problems, "database", List.of(AssetBundle.databaseUuid()));
        expectOnce(problems, "dataset", MartDatasets.provisioned().stream().map(Dataset::uuid).toList());
        expectOnce(problems, "chart", OrientirDashboards.charts().stream().map(Chart::uuid).toList());
        expectOnce(problems, "dashboard", OrientirDashboards.all().stream().map(Dashboard::uuid).toList());
        List<JsonNode> roles = admin.list("security/roles");
        List<JsonNode> rules = admin.list("rowlevelsecurity");
        List<String> wantedRoles = new ArrayList<>();
        municipalities.forEach(m -> wantedRoles.add(SupersetSync.MUNICIPAL_ROLE_PREFIX + m));
        for (String role : wantedRoles) {
            long n = roles.stream().filter(r -> role.equals(r.path("name").asText())).count();
            if (n != 1) {
                problems.add("role «" + role + "»: " + n + " times");
            }
        }
        for (String m : municipalities) {
            long n = rules.stream().filter(r -> (SupersetSync.RLS_PREFIX + m).equals(r.path("name").asText())).count();
            if (n != 1) {
                problems.add("RLS rule for «" + m + "»: " + n + " times");
            }
        }
        return problems;
    }

    private void expectOnce(List<String> problems, String resource, List<UUID> uuids) {
        List<JsonNode> all = admin.list(resource);
        for (UUID u : uuids) {
            long n = all.stream().filter(x -> u.toString().equals(x.path("uuid").asText())).count();
            if (n != 1) {
                problems.add(resource + " " + u + ": " + n + " times");
            }
        }
        List<String> extra = new ArrayList<>();
        if (all.size() != uuids.size()) {
            all.forEach(x -> extra.add(x.path("uuid").asText()));
            problems.add(resource + ": " + all.size() + " objects in Superset, expected " + uuids.size() + " " + extra);
        }
    }

    /**
     * Charts whose table is legitimately empty in a clean region: no rows quarantined, every subject recognised
     * (docs/methodology.md §1.5).
     */
    public static final java.util.Set<String> MAY_BE_EMPTY = java.util.Set.of("quality_quarantine_reasons",
            "quality_unrecognised_subjects");

    /** The titles of the charts of {@link #MAY_BE_EMPTY} whose table the warehouse behind {@code c} has no rows in. */
    public static java.util.Set<String> emptyTitles(java.sql.Connection c) throws java.sql.SQLException {
        return emptyTitles(c, MAY_BE_EMPTY);
    }

    /** As above, for the charts of {@code keys} only (each one of {@link #MAY_BE_EMPTY}). */
    public static java.util.Set<String> emptyTitles(java.sql.Connection c, java.util.Set<String> keys)
            throws java.sql.SQLException {
        java.util.Set<String> titles = new java.util.HashSet<>();
        for (Chart chart : OrientirDashboards.charts()) {
            if (!MAY_BE_EMPTY.contains(chart.key()) || !keys.contains(chart.key())) {
                continue;
            }
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + chart.dataset().table())) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    titles.add(chart.title());
                }
            }
        }
        return titles;
    }

    /** Per chart key: the query durations of {@code repeats} runs of its query through the chart-data API (no cache). */
    public Map<String, List<Duration>> chartQueryTimes(Map<String, Long> datasetIds, int repeats) {
        Map<String, List<Duration>> times = new LinkedHashMap<>();
        for (Chart c : OrientirDashboards.charts()) {
            List<Duration> t = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                JsonNode r = admin.post("/api/v1/chart/data", c.query(datasetIds.get(c.dataset().table())));
                t.add(Duration.ofNanos(System.nanoTime() - start));
                if (i == 0 && r.path("result").path(0).path("rowcount").asInt() == 0 && !MAY_BE_EMPTY.contains(c.key())) {
                    throw new AssertionError("chart " + c.key() + " returned no rows");
                }
            }
            times.put(c.key(), t);
        }
        return times;
    }

    /**
     * Values a chart colours that have no colour of their own: for every chart that sets a column's values apart, the
     * values its query returns that are not among its categories (Superset would deal them a colour of its scheme).
     */
    public List<String> uncolouredCategories(Map<String, Long> datasetIds) {
        List<String> problems = new ArrayList<>();
        for (Chart c : OrientirDashboards.charts()) {
            if (c.categories().isEmpty()) {
                continue;
            }
            String column = c.columns().get(1);
            for (JsonNode row : rows(admin, c, datasetIds.get(c.dataset().table()))) {
                String value = row.path(column).asText();
                if (!c.categories().contains(value)) {
                    problems.add(c.key() + ": «" + value + "» has no colour");
                }
            }
        }
        return problems.stream().distinct().toList();
    }

    /** The rows the chart's query returns for this client (admin or a municipal user). */
    public static List<JsonNode> rows(SupersetClient client, Chart chart, long datasetId) {
        List<JsonNode> rows = new ArrayList<>();
        client.post("/api/v1/chart/data", chart.query(datasetId)).path("result").path(0).path("data").forEach(rows::add);
        return rows;
    }

    /** Creates a user with Gamma and the municipality's role (all a coordinator needs); returns its password. */
    public String createMunicipalUser(String username, String municipality) {
        return createUser(username, "Gamma", SupersetSync.MUNICIPAL_ROLE_PREFIX + municipality);
    }

    /** Creates a user with these roles (created empty when missing); returns its password. */
    public String createUser(String username, String... roles) {
        Map<String, Long> roleIds = new LinkedHashMap<>();
        for (JsonNode r : admin.list("security/roles")) {
            roleIds.put(r.path("name").asText(), r.path("id").asLong());
        }
        List<Long> ids = new ArrayList<>();
        for (String role : roles) {
            Long id = roleIds.get(role);
            ids.add(id != null ? id : admin.post("/api/v1/security/roles/", Map.of("name", role)).path("id").asLong());
        }
        String password = "pw-" + UUID.randomUUID();
        admin.post("/api/v1/security/users/", Map.of("username", username, "first_name", "Координатор",
                "last_name", "Orientir", "email", username + "@orientir.invalid", "active", true, "password", password,
                "roles", ids));
        return password;
    }

    /** What a rendered dashboard shows, per chart: error text, whether it has drawn data. */
    public record ChartOnPage(String title, boolean loading, String error, boolean hasData, String text) {
    }

    /**
     * Logs the browser in through Superset's login form, opens each dashboard, waits for its charts, keeps a
     * screenshot, and returns what every chart shows.
     */
    public static Map<String, List<ChartOnPage>> render(HeadlessChromium browser, String baseUrl, String user,
                                                         String password, Path screenshots) throws IOException {
        browser.navigate(baseUrl + "/login/");
        browser.eval("(() => { document.querySelector('#username').value = " + HeadlessChromium.js(user) + ";"
                + " document.querySelector('#password').value = " + HeadlessChromium.js(password) + ";"
                + " document.querySelector('form[name=login]').submit(); return true; })()");
        if (!browser.waitFor("!location.pathname.startsWith('/login')", Duration.ofSeconds(60))) {
            throw new AssertionError("login through the form failed");
        }
        Map<String, List<ChartOnPage>> result = new LinkedHashMap<>();
        for (Dashboard d : OrientirDashboards.all()) {
            int height = 200 + d.rows().stream().mapToInt(r -> r.height() * 8 + 16).sum();
            browser.viewport(1600, Math.max(1200, height));
            browser.navigate(baseUrl + "/superset/dashboard/" + d.slug() + "/?standalone=1");
            int expected = d.charts().size();
            browser.waitFor("document.querySelectorAll('.chart-slice').length >= " + expected, Duration.ofSeconds(90));
            // loaded = every chart drew something, an empty state or an error; no spinner left
            browser.waitFor("Array.from(document.querySelectorAll('.chart-slice')).every(h => !h.querySelector('.loading')"
                    + " && (h.querySelector('canvas, table, svg, .antd5-alert, .ant-alert, .alert, .ant-empty, .antd5-empty')))",
                    Duration.ofSeconds(120));
            try {
                Thread.sleep(1200); // echarts animate in (1 s by default); let them settle before the screenshot
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            browser.screenshot(screenshots.resolve(d.slug() + ".png"));
            String json = browser.eval("JSON.stringify(Array.from(document.querySelectorAll('.chart-slice')).map(h => {"
                    + " const title = (h.querySelector('.header-title, .editable-title') || {}).textContent || '';"
                    + " const err = h.querySelector('.antd5-alert-error, .ant-alert-error, .alert-danger, .antd5-alert-warning');"
                    + " const empty = h.querySelector('.ant-empty, .antd5-empty, [data-test=\\'empty-state\\']')"
                    + "   || /Не было получено данных|No results/.test(h.innerText);"
                    + " const drawn = h.querySelectorAll('canvas').length > 0 || h.querySelectorAll('table tbody tr').length > 0;"
                    + " return {title: title.trim(), loading: !!h.querySelector('.loading'),"
                    + "  error: err ? err.innerText.trim().slice(0, 300) : '',"
                    + "  hasData: drawn && !empty, text: h.innerText.slice(0, 200)}; }))").asText();
            List<ChartOnPage> list = new ArrayList<>();
            for (JsonNode c : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)) {
                list.add(new ChartOnPage(c.path("title").asText(), c.path("loading").asBoolean(),
                        c.path("error").asText(), c.path("hasData").asBoolean(), c.path("text").asText()));
            }
            result.put(d.slug(), list);
        }
        return result;
    }

    public static String percentiles(Map<String, List<Duration>> times) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-34s %8s %8s%n", "chart", "p50 ms", "p95 ms"));
        times.forEach((k, v) -> s.append(String.format(Locale.ROOT, "%-34s %8.1f %8.1f%n", k, pct(v, 50), pct(v, 95))));
        return s.toString();
    }

    public static double pct(List<Duration> v, int p) {
        List<Long> sorted = v.stream().map(Duration::toNanos).sorted().toList();
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }
}
