package ru.orientir.jobs.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.columns.ColumnAliases;
import ru.orientir.etl.ingest.results.Mark2Bounds;

/**
 * The {@code ingest} section of orientir.yml ({@link ConfigFile.Ingest}), validated:
 * <pre>
 * ingest:
 *   sheet: Результаты            # XLSX: the sheet to read (default: the first)
 *   aliases:                     # a region's own column names, by canonical column (one name or a list)
 *     school_id: [Логин ОО, Код школы]
 *     score: Первичный балл ВПР
 *   settle-seconds: 10           # a file is taken once its size and time are unchanged this long (or it has a
 *                                # «<name>.done» marker beside it); 0 turns the check off. Default 10.
 *   mark2-bounds:                # ВПР/ОГЭ rows with a score and no mark: the highest primary score of mark 2
 *     - {year: 2024, procedure: ВПР, grade: 5, subject: математика, max-score-for-2: 5}
 * </pre>
 * The keys of {@code aliases} are the canonical columns: another name is an unknown key, with the nearest column
 * suggested. A mark-2 bound names a year (2000–2100), a procedure (ВПР or ОГЭ: ЕГЭ is judged by its minimum scores), a
 * grade that fits the procedure (ВПР 4–11, ОГЭ 9), a subject (matched with case, ё/е and spaces folded) and
 * {@code max-score-for-2}, a score 0–100: a score up to it is mark 2, a higher one «не 2».
 * The pseudonymisation key is not a key of the file: it comes only from ORIENTIR_PSEUDONYM_KEY or
 * ORIENTIR_PSEUDONYM_KEY_FILE, read by {@link OrientirConfig}.
 */
final class IngestConfig {
    /** How long an inbox file must stay unchanged before a run takes it, unless orientir.yml says otherwise. */
    static final Duration DEFAULT_SETTLE = Duration.ofSeconds(10);

    private static final String BOUNDS = "ingest.mark2-bounds";

    private IngestConfig() {
    }

    /** The section as the ingest uses it, with the pseudonymisation key {@code key} (null: none configured). */
    static IngestSettings parse(ConfigFile.Ingest ingest, byte[] key, String file) {
        ColumnAliases aliases = ingest.aliases() == null ? ColumnAliases.builtIn() : aliases(ingest.aliases(), file);
        Duration settle = DEFAULT_SETTLE;
        if (ingest.settleSeconds() != null) {
            double seconds = ingest.settleSeconds();
            if (Double.isNaN(seconds) || seconds < 0 || seconds > 3600) {
                throw new ConfigException(file + ": ingest.settle-seconds: «" + seconds + "» — ожидается число секунд от 0 "
                        + "до 3600 (сколько файл должен не меняться, прежде чем его загрузят)");
            }
            settle = Duration.ofMillis(Math.round(seconds * 1000));
        }
        Mark2Bounds bounds = ingest.mark2Bounds() == null ? Mark2Bounds.NONE : mark2Bounds(ingest.mark2Bounds(), file);
        String sheet = ingest.sheet() == null || ingest.sheet().isBlank() ? null : ingest.sheet();
        return new IngestSettings(aliases, sheet, key, bounds, settle);
    }

    private static ColumnAliases aliases(Map<String, List<String>> written, String file) {
        ColumnAliases builtIn = ColumnAliases.builtIn();
        Map<String, List<String>> extra = new LinkedHashMap<>();
        written.forEach((column, names) -> {
            String canonical = builtIn.canonical(column);
            if (!column.equals(canonical)) {
                // A column's Russian name («код ОО») as the key: the canonical name it stands for is the key meant.
                List<String> columns = knownColumns();
                throw StrictYaml.unknownKey(file, "ingest.aliases", column, columns,
                        canonical != null ? Optional.of(canonical) : NearestKey.of(column, columns));
            }
            if (names == null || names.isEmpty() || names.stream().anyMatch(n -> n == null || n.isBlank())) {
                throw new ConfigException(file + ": ingest.aliases." + column + ": не задано название столбца (ожидается "
                        + "название или список названий, например [Логин ОО, Код школы])");
            }
            extra.put(column, names.stream().map(String::strip).toList());
        });
        try {
            return ColumnAliases.with(extra);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    /**
     * The canonical columns, as {@link ColumnAliases} lists them when it refuses another name (it has no accessor for
     * them); empty if it ever stops listing them, and then an unknown column is reported without a suggestion.
     */
    static List<String> knownColumns() {
        try {
            ColumnAliases.with(Map.of("?", List.of()));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            int at = message.indexOf(KNOWN);
            if (at >= 0) {
                return Arrays.stream(message.substring(at + KNOWN.length()).split(","))
                        .map(String::strip).filter(c -> !c.isEmpty()).toList();
            }
        }
        return List.of();
    }

    private static final String KNOWN = "известные:";

    static Mark2Bounds mark2Bounds(List<ConfigFile.Mark2Bound> list, String file) {
        List<Mark2Bounds.Bound> bounds = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ConfigFile.Mark2Bound b = list.get(i);
            String at = file + ": " + BOUNDS + "[" + (i + 1) + "]";
            if (b == null) {
                throw new ConfigException(at + " — пустой элемент списка (ожидается {year: 2024, procedure: ВПР, "
                        + "grade: 5, subject: математика, max-score-for-2: 5})");
            }
            int year = whole(b.year(), at, "year", 2000, 2100);
            String written = text(b.procedure(), at, "procedure");
            String procedure = written.toUpperCase(Locale.ROOT).replace('Ё', 'Е');
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
                default -> throw new ConfigException(at + ".procedure: «" + written
                        + "» — ожидается ВПР или ОГЭ (ЕГЭ оценивается по минимальному баллу, не по отметкам)");
            }
            int grade = whole(b.grade(), at, "grade", minGrade, maxGrade);
            String subject = text(b.subject(), at, "subject");
            double max = score(b.maxScoreFor2(), at);
            bounds.add(new Mark2Bounds.Bound(year, procedure, grade, subject, max));
        }
        try {
            return Mark2Bounds.of(bounds);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + BOUNDS + ": " + e.getMessage());
        }
    }

    private static String text(String value, String at, String key) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(at + "." + key + " — не задан (нужен текст)");
        }
        return value.strip();
    }

    private static int whole(Integer value, String at, String key, int min, int max) {
        if (value == null) {
            throw new ConfigException(at + "." + key + " — не задан (нужно целое число от " + min + " до " + max + ")");
        }
        if (value < min || value > max) {
            throw new ConfigException(at + "." + key + ": " + value + " — ожидается целое число от " + min + " до " + max);
        }
        return value;
    }

    private static double score(String value, String at) {
        String key = "max-score-for-2";
        if (value == null || value.isBlank()) {
            throw new ConfigException(at + "." + key + " — не задан (нужно число от 0 до 100)");
        }
        double d;
        try {
            d = Double.parseDouble(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ConfigException(at + "." + key + ": «" + value + "» — не число");
        }
        if (Double.isNaN(d) || d < 0 || d > 100) {
            throw new ConfigException(at + "." + key + ": " + value + " — ожидается число от 0 до 100");
        }
        return d;
    }
}
