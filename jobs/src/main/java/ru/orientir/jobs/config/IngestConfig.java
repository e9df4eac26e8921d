package ru.orientir.jobs.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.columns.ColumnAliases;

/**
 * The {@code ingest} section of orientir.yml, validated:
 * <pre>
 * ingest:
 *   sheet: Результаты            # XLSX: the sheet to read (default: the first)
 *   aliases:                     # a region's own column names, by canonical column
 *     school_id: [Логин ОО, Код школы]
 *     score: [Первичный балл ВПР]
 * </pre>
 * The pseudonymisation key comes only from ORIENTIR_PSEUDONYM_KEY or ORIENTIR_PSEUDONYM_KEY_FILE.
 */
final class IngestConfig {
    private IngestConfig() {
    }

    static IngestSettings parse(JsonNode yaml, Map<String, String> env) {
        IngestSettings settings = IngestSettings.fromEnvironment(env);
        JsonNode ingest = yaml == null ? null : yaml.get("ingest");
        if (ingest == null || ingest.isNull()) {
            return settings;
        }
        JsonNode sheet = ingest.get("sheet");
        if (sheet != null && !sheet.isNull()) {
            settings = settings.withSheet(sheet.asText());
        }
        JsonNode aliases = ingest.get("aliases");
        if (aliases != null && !aliases.isNull()) {
            if (!aliases.isObject()) {
                throw new ConfigException("orientir.yml: ingest.aliases должен быть словарём «столбец: [псевдонимы]»");
            }
            Map<String, List<String>> extra = new LinkedHashMap<>();
            var fields = aliases.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                List<String> names = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(n -> names.add(n.asText()));
                } else {
                    names.add(e.getValue().asText());
                }
                extra.put(e.getKey(), names);
            }
            try {
                settings = settings.withAliases(ColumnAliases.with(extra));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("orientir.yml: " + e.getMessage());
            }
        }
        return settings;
    }
}
