package ru.orientir.jobs.config;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
 *   subjects:
 *     synonyms:                   # merged over the built-in table, canonical name: [variants]
 *       русский язык: [рус. яз., русск. язык]
 * </pre>
 * Subject names are compared folded (case, ё/е, punctuation, spaces), so a variant only needs writing once.
 * Unknown keys, wrong types and out-of-range values stop the run at start-up with the setting's name.
 */
public final class AnalyticsConfig {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private AnalyticsConfig() {
    }

    static AnalyticsSettings parse(JsonNode yaml) {
        JsonNode section = yaml == null ? null : yaml.get("analytics");
        if (section == null || section.isNull()) {
            return AnalyticsSettings.defaults();
        }
        if (!section.isObject()) {
            throw new ConfigException("orientir.yml: analytics должен быть словарём настроек");
        }
        ObjectNode merged = MAPPER.valueToTree(AnalyticsSettings.defaults());
        merge(merged, section);
        AnalyticsSettings settings;
        try {
            settings = MAPPER.treeToValue(merged, AnalyticsSettings.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("orientir.yml: analytics" + path(e) + ": неизвестная настройка «" + e.getPropertyName()
                    + "»; допустимые: " + e.getKnownPropertyIds());
        } catch (InvalidFormatException e) {
            throw new ConfigException("orientir.yml: analytics" + path(e) + ": значение «" + e.getValue()
                    + "» не подходит (ожидается " + expected(e.getTargetType()) + ")");
        } catch (MismatchedInputException e) {
            throw new ConfigException("orientir.yml: analytics" + path(e) + ": неверный тип значения (ожидается "
                    + expected(e.getTargetType()) + ")");
        } catch (JsonProcessingException e) {
            throw new ConfigException("orientir.yml: analytics: " + e.getOriginalMessage());
        }
        try {
            return settings.validated();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("orientir.yml: " + e.getMessage());
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

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex() + 1).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "другое значение";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder("одно из:");
            for (Object c : type.getEnumConstants()) {
                values.append(' ').append(c.toString().toLowerCase(java.util.Locale.ROOT));
            }
            return values.toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "целое число";
        }
        if (type == double.class || type == Double.class) {
            return "число";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true или false";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "список";
        }
        return "словарь или значение другого вида";
    }
}
