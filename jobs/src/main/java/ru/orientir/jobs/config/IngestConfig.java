package ru.orientir.jobs.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.columns.ColumnAliases;
import ru.orientir.etl.ingest.results.Mark2Bounds;

/**
 * The {@code ingest} section of orientir.yml, validated:
 * <pre>
 * ingest:
 *   sheet: Результаты            # XLSX: the sheet to read (default: the first)
 *   aliases:                     # a region's own column names, by canonical column
 *     school_id: [Логин ОО, Код школы]
 *     score: [Первичный балл ВПР]
 *   settle-seconds: 10           # a file is taken once its size and time are unchanged this long (or it has a
 *                                # «<name>.done» marker beside it); 0 turns the check off. Default 10.
 *   mark2-bounds:                # ВПР/ОГЭ rows with a score and no mark: the highest primary score of mark 2
 *     - {year: 2024, procedure: ВПР, grade: 5, subject: математика, max-score-for-2: 5}
 * </pre>
 * A mark-2 bound names a year (2000–2100), a procedure (ВПР or ОГЭ: ЕГЭ is judged by its minimum scores), a grade that
 * fits the procedure (ВПР 4–11, ОГЭ 9), a subject (matched with case, ё/е and spaces folded) and
 * {@code max-score-for-2}, a score 0–100: a score up to it is mark 2, a higher one «не 2».
 * The pseudonymisation key comes only from ORIENTIR_PSEUDONYM_KEY or ORIENTIR_PSEUDONYM_KEY_FILE.
 */
final class IngestConfig {
    private IngestConfig() {
    }

    static IngestSettings parse(JsonNode yaml, Map<String, String> env) {
        IngestSettings settings = IngestSettings.fromEnvironment(env).withSettleInterval(DEFAULT_SETTLE);
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
        JsonNode settle = ingest.get("settle-seconds");
        if (settle != null && !settle.isNull()) {
            if (!settle.isNumber() || settle.asDouble() < 0 || settle.asDouble() > 3600) {
                throw new ConfigException("orientir.yml: ingest.settle-seconds: «" + settle.asText() + "» — ожидается "
                        + "число секунд от 0 до 3600 (сколько файл должен не меняться, прежде чем его загрузят)");
            }
            settings = settings.withSettleInterval(java.time.Duration.ofMillis(Math.round(settle.asDouble() * 1000)));
        }
        JsonNode bounds = ingest.get("mark2-bounds");
        if (bounds != null && !bounds.isNull()) {
            settings = settings.withMark2Bounds(mark2Bounds(bounds));
        }
        return settings;
    }

    /** How long an inbox file must stay unchanged before a run takes it, unless orientir.yml says otherwise. */
    static final java.time.Duration DEFAULT_SETTLE = java.time.Duration.ofSeconds(10);

    private static final String BOUNDS = "ingest.mark2-bounds";
    private static final List<String> BOUND_KEYS = List.of("year", "procedure", "grade", "subject", "max-score-for-2");

    static Mark2Bounds mark2Bounds(JsonNode list) {
        if (!list.isArray()) {
            throw new ConfigException("orientir.yml: " + BOUNDS + " должен быть списком границ вида {year: 2024, "
                    + "procedure: ВПР, grade: 5, subject: математика, max-score-for-2: 5}");
        }
        List<Mark2Bounds.Bound> bounds = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode b = list.get(i);
            String at = BOUNDS + "[" + i + "]";
            if (!b.isObject()) {
                throw new ConfigException("orientir.yml: " + at + " должен быть словарём с ключами "
                        + String.join(", ", BOUND_KEYS));
            }
            var names = b.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!BOUND_KEYS.contains(name)) {
                    throw new ConfigException("orientir.yml: " + at + "." + name + " — неизвестный ключ; ожидаются "
                            + String.join(", ", BOUND_KEYS));
                }
            }
            int year = (int) number(b, at, "year", 2000, 2100, true);
            String procedure = text(b, at, "procedure").toUpperCase(java.util.Locale.ROOT).replace('Ё', 'Е');
            int minGrade;
            int maxGrade;
            switch (procedure) {
                case "ВПР", "VPR" -> {
                    procedure = "ВПР";
                    minGrade = 4;
                    maxGrade = 11;
                }
                case "ОГЭ", "OGE", "ГИА-9" -> {
                    procedure = "ОГЭ";
                    minGrade = 9;
                    maxGrade = 9;
                }
                default -> throw new ConfigException("orientir.yml: " + at + ".procedure: «" + b.get("procedure").asText()
                        + "» — ожидается ВПР или ОГЭ (ЕГЭ оценивается по минимальному баллу, не по отметкам)");
            }
            int grade = (int) number(b, at, "grade", minGrade, maxGrade, true);
            String subject = text(b, at, "subject");
            double max = number(b, at, "max-score-for-2", 0, 100, false);
            bounds.add(new Mark2Bounds.Bound(year, procedure, grade, subject, max));
        }
        try {
            return Mark2Bounds.of(bounds);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("orientir.yml: " + BOUNDS + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode b, String at, String key) {
        JsonNode v = b.get(key);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new ConfigException("orientir.yml: " + at + "." + key + " — не задан (нужен текст)");
        }
        return v.asText().strip();
    }

    private static double number(JsonNode b, String at, String key, int min, int max, boolean whole) {
        JsonNode v = b.get(key);
        if (v == null || v.isNull()) {
            throw new ConfigException("orientir.yml: " + at + "." + key + " — не задан (нужно "
                    + (whole ? "целое " : "") + "число от " + min + " до " + max + ")");
        }
        double d;
        if (v.isNumber()) {
            d = v.asDouble();
        } else {
            try {
                d = Double.parseDouble(v.asText().strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new ConfigException("orientir.yml: " + at + "." + key + ": «" + v.asText() + "» — не число");
            }
        }
        if ((whole && d != Math.rint(d)) || d < min || d > max || Double.isNaN(d)) {
            throw new ConfigException("orientir.yml: " + at + "." + key + ": " + v.asText() + " — ожидается "
                    + (whole ? "целое " : "") + "число от " + min + " до " + max);
        }
        return d;
    }
}
