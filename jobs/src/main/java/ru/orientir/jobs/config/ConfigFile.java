package ru.orientir.jobs.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * orientir.yml as written: every key the file may hold, and nothing else. A key not here (a typo such as
 * {@code warehouse.ulr}, or a section such as {@code warehose:}) stops every command with the key, the file and the
 * nearest valid key; a value of the wrong type (a word where a number is expected) stops it with the key and the file.
 * Values are checked further where they are used (a cron expression, a time zone, a threshold's range).
 * <pre>
 * home: /var/lib/orientir
 * warehouse: {url: jdbc:clickhouse://clickhouse:8123/orientir, user: orientir}   # cluster: orientir on a cluster
 * batch: {url: jdbc:postgresql://postgres:5432/orientir_batch, user: orientir}
 * pipeline: {retries: 2, retry-delay: 30s, keep-runs: 5}
 * schedule:
 *   cron: "0 0 2 * * ?"
 *   zone: Europe/Moscow
 *   overlap: wait
 *   inbox: /var/lib/orientir/inbox
 *   store: {url: jdbc:postgresql://postgres:5432/orientir_quartz, user: orientir}
 * alert: {webhook: https://chat.example.org/hooks/orientir}
 * ingest: …        # {@link IngestConfig}
 * analytics: …     # {@link AnalyticsConfig}
 * report:          # the brief's catalogue of measures (docs/methodology.md §13)
 *   municipal-ratio: 1.1
 *   measures: {marker: {measure: "…", indicator: "…", target: threshold, deadline: "04-30"}}
 * </pre>
 * No key holds a secret: passwords and the pseudonymisation key come from the environment only.
 *
 * @param analytics kept as written: it is merged over the methodology's defaults, then bound by {@link AnalyticsConfig}
 */
record ConfigFile(String home, Warehouse warehouse, Batch batch, Pipeline pipeline, Schedule schedule, Alert alert,
                  Ingest ingest, JsonNode analytics, Report report) {

    static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null, null, null, null, null);

    ConfigFile {
        warehouse = warehouse == null ? new Warehouse(null, null, null) : warehouse;
        batch = batch == null ? new Batch(null, null) : batch;
        pipeline = pipeline == null ? new Pipeline(null, null, null) : pipeline;
        schedule = schedule == null ? new Schedule(null, null, null, null, null) : schedule;
        alert = alert == null ? new Alert(null) : alert;
        ingest = ingest == null ? new Ingest(null, null, null, null) : ingest;
        analytics = analytics == null || analytics.isNull() ? null : analytics;
        report = report == null ? new Report(null, null) : report;
    }

    /**
     * The brief's catalogue of measures: by problem type, the fields to replace (measure, indicator, target,
     * deadline), checked by {@link ru.orientir.dashboards.report.MeasureCatalogue#withOverrides}.
     */
    record Report(Double municipalRatio, Map<String, Map<String, String>> measures) {
        Report {
            measures = measures == null ? Map.of() : measures;
        }
    }

    /** {@code cluster}: a ClickHouse cluster's name in remote_servers; absent for a single server. */
    record Warehouse(String url, String user, String cluster) {
    }

    record Batch(String url, String user) {
    }

    /** {@code retry-delay}: {@code 30s}, {@code 5m}, {@code 500ms} or ISO-8601 {@code PT30S}. */
    record Pipeline(Integer retries, String retryDelay, Integer keepRuns) {
    }

    record Schedule(String cron, String zone, String overlap, String inbox, Store store) {
        Schedule {
            store = store == null ? new Store(null, null) : store;
        }
    }

    /** The Quartz job store (PostgreSQL); its password only from ORIENTIR_QUARTZ_PASSWORD. */
    record Store(String url, String user) {
    }

    record Alert(String webhook) {
    }

    /**
     * @param aliases by canonical column: one name or a list of names
     * @param mark2Bounds see {@link IngestConfig}
     */
    record Ingest(String sheet,
                  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) Map<String, List<String>> aliases,
                  Double settleSeconds, List<Mark2Bound> mark2Bounds) {
    }

    /**
     * One mark-2 bound; {@code max-score-for-2} is read as text so that a decimal comma ({@code "14,5"}) is accepted.
     */
    record Mark2Bound(Integer year, String procedure, Integer grade, String subject,
                      @JsonProperty("max-score-for-2") String maxScoreFor2) {
    }

    /** The file named {@code name} in the messages, bound; {@link #EMPTY} when it is empty. */
    static ConfigFile read(Path file, String name) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(name + ": файл конфигурации не читается (" + e.getMessage() + "). Проверьте права "
                    + "на файл и кодировку (UTF-8) и запустите команду снова.");
        }
        return parse(text, name);
    }

    /** {@code yaml} bound, with {@code name} as the file in the messages. */
    static ConfigFile parse(String yaml, String name) {
        return bind(StrictYaml.read(yaml, name), name);
    }

    static ConfigFile bind(JsonNode tree, String name) {
        return tree == null ? EMPTY : StrictYaml.bind(tree, ConfigFile.class, name, "");
    }
}
