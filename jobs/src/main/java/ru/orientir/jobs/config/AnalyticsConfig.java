package ru.orientir.jobs.config;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.orientir.etl.analytics.AnalyticsSettings;

/**
 * The {@code analytics} section of orientir.yml: every threshold of docs/methodology.md, in kebab-case, over the
 * defaults.
 * Only what differs from the defaults needs writing; a mapping merges key by key, a list replaces the default list.
 * <pre>
 * analytics:
 *   markers:
 *     min-participants: 5
 *     share: 0.30
 *     thresholds:                 # most specific match wins
 *       - {year: 2024, procedure: ВПР, grade: 4, subject: математика, share: 0.25}
 *     ege-min-scores:
 *       - {subject: информатика, min-score: 40}
 *   list: {combine: or, unit: assessment, min-procedures: 2, strong-procedures: 3, strong-ratio: 1.5}
 *   mandatory: [{procedure: ОГЭ, subject: русский язык}, {procedure: ОГЭ, subject: математика}]
 *   clusters: {near-threshold: 0.05, trend-years: 2}
 *   objectivity: {gap: 0.15, official-reasons: [НО]}
 *   isb: {min-indicators: 3, shnsu-quantile: 0.25, indicators: [{column: ovz_share, higher-is-better: false, log: false}]}
 *   resilience: {isb-quantile: 0.25, result-quantile: 0.75, residual: 1.0, consecutive-years: false}
 *   risks: {population-high: 1000, population-medium: 5000, ...}
 *   early-warning: {high: 0.30, medium: 0.10, min-list-years: 3, min-entries: 10, regularization: 0.01}
 *   spark: {master: "spark://host:7077", conf: {…}}   # where they run ({@link SparkConfig})
 *   storage: s3a://bucket/prefix                      # where the snapshot and marts live ({@link SparkConfig})
 *   subjects:
 *     synonyms:                   # merged over the built-in table, canonical name: [variants]
 *       русский язык: [рус. яз., русск. язык]
 *   regions:                      # a region's own thresholds (код субъекта), merged over all of the above
 *     "69": {isb: {shnsu-quantile: 0.30}, resilience: {isb-quantile: 0.30}}
 * </pre>
 * Subject names are compared folded (case, ё/е, punctuation, spaces), so a variant only needs writing once.
 * Unknown keys (with the nearest valid one suggested), wrong types and out-of-range values stop every command at
 * start-up with the file and the setting's full name ({@link StrictYaml}).
 */
public final class AnalyticsConfig {
    static final ObjectMapper MAPPER = StrictYaml.MAPPER;

    private AnalyticsConfig() {
    }

    /** The section of a file read without a name (tests): messages say «orientir.yml». */
    static AnalyticsSettings parse(JsonNode yaml) {
        return parse(yaml == null ? null : yaml.get("analytics"), OrientirConfig.DEFAULT_FILE);
    }

    /** {@code section} ({@code analytics:} of the file {@code file}; null when absent) over the defaults. */
    static AnalyticsSettings parse(JsonNode section, String file) {
        if (section == null || section.isNull()) {
            return AnalyticsSettings.defaults();
        }
        if (!section.isObject()) {
            throw new ConfigException(file + ": analytics должен быть словарём настроек (например, «analytics: {markers: "
                    + "{share: 0.3}}»). Исправьте раздел и запустите команду снова.");
        }
        // analytics.spark and analytics.storage say where the rules run, not what they are: SparkConfig reads them
        section = section.deepCopy();
        ((ObjectNode) section).remove(java.util.List.of("spark", "storage"));
        StrictYaml.checkKeys(section, AnalyticsSettings.class, file, "analytics");
        ObjectNode own = section.deepCopy();
        JsonNode regions = own.remove("regions");
        ObjectNode merged = MAPPER.valueToTree(AnalyticsSettings.defaults());
        merged.remove("regions");
        merge(merged, own);
        AnalyticsSettings settings = StrictYaml.bind(merged, AnalyticsSettings.class, file, "analytics");
        // analytics.regions.<код>: a region's own thresholds, merged over the installation's (docs/methodology.md §0)
        Map<String, AnalyticsSettings> byRegion = new java.util.TreeMap<>();
        if (regions != null && !regions.isNull()) {
            if (!regions.isObject()) {
                throw new ConfigException(file + ": analytics.regions должен быть словарём «код субъекта: настройки» "
                        + "(например, «regions: {\"69\": {isb: {shnsu-quantile: 0.3}}}»). Исправьте раздел и "
                        + "запустите команду снова.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = regions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String code = e.getKey().strip().matches("\\d") ? "0" + e.getKey().strip() : e.getKey().strip();
                ObjectNode region = merged.deepCopy();
                if (e.getValue() != null && e.getValue().isObject()) {
                    merge(region, e.getValue());
                }
                byRegion.put(code, StrictYaml.bind(region, AnalyticsSettings.class, file, "analytics.regions." + code));
            }
        }
        try {
            return settings.withRegions(byRegion).validated();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    /** The settings as the run history stores them (kebab-case, as written in orientir.yml). */
    public static JsonNode toJson(AnalyticsSettings settings) {
        return MAPPER.valueToTree(settings);
    }

    private static void merge(ObjectNode target, JsonNode overrides) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode current = target.get(e.getKey());
            if (current instanceof ObjectNode object && e.getValue().isObject()) {
                merge(object, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }
}
