package ru.orientir.tools.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import ru.orientir.dashboards.assets.Chart;
import ru.orientir.dashboards.assets.OrientirDashboards;
import ru.orientir.dashboards.superset.SupersetClient;

/**
 * Every chart of the dashboards through Superset's chart-data API, as a dashboard loads it: per chart, one unmeasured
 * warm-up then {@code repeats} timed requests; the p95 over all charts and the slowest chart's p95, beside the
 * anchor of the same run — Superset's own {@code /health}, the cost of one request that does no work — and the
 * 300 ms target. Measured twice: as a dashboard opened again loads (Superset's cache may answer, as the shipped
 * configuration lets it until the next sync) and with {@code force} (every request runs its query on the warehouse, as
 * the first opening after a publication does). The dashboards must have been synced ({@code bin/orientir dashboards
 * sync}) to the Superset measured.
 */
public final class ChartBenchmark {
    public static final double TARGET_MS = 300;

    public record Result(Map<String, Double> p95ByChart, double p95All, String slowest, double healthP95,
                         Map<String, Double> forcedP95ByChart, double forcedP95All, String forcedSlowest) {
        public List<Figure> figures() {
            return List.of(
                    new Figure("графики дашбордов: p95 по всем", p95All, "мс", "цель", TARGET_MS, false, 1.0),
                    new Figure("самый медленный график (" + slowest + "): p95", p95ByChart.get(slowest), "мс", "цель",
                            TARGET_MS, false, 1.0),
                    new Figure("графики дашбордов: p95 по всем", p95All, "мс", "запрос /health того же Superset", healthP95,
                            false, Double.NaN),
                    new Figure("графики без кэша (force): p95 по всем", forcedP95All, "мс", "цель", TARGET_MS, false, 1.0),
                    new Figure("без кэша самый медленный (" + forcedSlowest + "): p95", forcedP95ByChart.get(forcedSlowest),
                            "мс", "цель", TARGET_MS, false, 1.0));
        }

        public String perChart() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-45s %14s %16s%n", "график",
                    "p95, мс", "без кэша p95, мс"));
            p95ByChart.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> b.append(String.format(Locale.ROOT, "  %-45s %14.0f %16.0f%n", e.getKey(), e.getValue(),
                            forcedP95ByChart.getOrDefault(e.getKey(), Double.NaN))));
            return b.toString();
        }
    }

    private ChartBenchmark() {
    }

    public static Result run(SupersetClient client, int repeats) {
        Map<String, Long> datasetIds = new HashMap<>();
        for (JsonNode d : client.list("dataset")) {
            datasetIds.put(d.path("table_name").asText(), d.path("id").asLong());
        }
        Map<String, Double> p95 = new HashMap<>();
        List<Double> all = new ArrayList<>();
        Map<String, Double> forcedP95 = new HashMap<>();
        List<Double> forcedAll = new ArrayList<>();
        for (Chart chart : OrientirDashboards.charts()) {
            Long id = datasetIds.get(chart.dataset().table());
            if (id == null) {
                throw new IllegalStateException("В Superset нет набора данных «" + chart.dataset().table()
                        + "»: выполните bin/orientir dashboards sync и повторите замер");
            }
            // Chart.query asks for a fresh result (force); a dashboard's own request lets the cache answer
            Map<String, Object> forced = chart.query(id);
            Map<String, Object> query = new HashMap<>(forced);
            query.put("force", false);
            client.post("/api/v1/chart/data", query);
            List<Double> times = timed(client, query, repeats);
            all.addAll(times);
            p95.put(chart.key(), percentile(times, 0.95));
            List<Double> forcedTimes = timed(client, forced, repeats);
            forcedAll.addAll(forcedTimes);
            forcedP95.put(chart.key(), percentile(forcedTimes, 0.95));
        }
        List<Double> health = new ArrayList<>();
        String base = client.base().toString();
        java.net.URI healthUri = java.net.URI.create(base.endsWith("/") ? base + "health" : base + "/health");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < repeats * 3; i++) {
            long t0 = System.nanoTime();
            try {
                http.send(java.net.http.HttpRequest.newBuilder(healthUri).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Superset не ответил на " + healthUri + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("замер прерван", e);
            }
            health.add((System.nanoTime() - t0) / 1e6);
        }
        String slowest = p95.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("—");
        String forcedSlowest = forcedP95.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("—");
        return new Result(p95, percentile(all, 0.95), slowest, percentile(health, 0.95), forcedP95,
                percentile(forcedAll, 0.95), forcedSlowest);
    }

    /** Milliseconds of each of {@code repeats} chart-data requests with this body. */
    private static List<Double> timed(SupersetClient client, Map<String, Object> body, int repeats) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            client.post("/api/v1/chart/data", body);
            times.add((System.nanoTime() - t0) / 1e6);
        }
        return times;
    }

    /** The nearest-rank percentile. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
