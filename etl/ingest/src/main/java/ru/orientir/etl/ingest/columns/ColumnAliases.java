package ru.orientir.etl.ingest.columns;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ru.orientir.etl.ingest.FileKind;

/**
 * Every input column has a canonical English name and Russian aliases; a header cell matches a column when the two
 * are equal ignoring case, spaces, underscores and ё/е. The Russian aliases (below and in each kind's descriptor) are
 * part of the contract; a region adds its own in orientir.yml ({@code ingest.aliases}) without code.
 */
public final class ColumnAliases {
    /**
     * Columns several kinds share. A column only one kind has is declared by that kind's descriptor
     * ({@link ru.orientir.etl.ingest.kinds.KindHeader#columns()}), with its aliases.
     */
    private static final Map<String, List<String>> SHARED = new LinkedHashMap<>();

    static {
        SHARED.put("year", List.of("год", "учебный год", "год проведения"));
        SHARED.put("school_id", List.of("код ОО", "код образовательной организации", "логин ОО", "логин"));
        SHARED.put("name", List.of("наименование", "название ОО", "краткое наименование"));
        SHARED.put("school_name", List.of("наименование ОО", "полное наименование ОО"));
        SHARED.put("municipality", List.of("муниципалитет", "МОУО", "муниципальное образование", "муниципальный район"));
        SHARED.put("procedure", List.of("процедура", "оценочная процедура"));
        SHARED.put("grade", List.of("класс", "параллель"));
        SHARED.put("subject", List.of("предмет", "учебный предмет"));
    }

    /** Every built-in column: the shared ones, then each kind's own, in the kinds' order. */
    private static final Map<String, List<String>> BUILT_IN = builtInColumns();

    private static Map<String, List<String>> builtInColumns() {
        Map<String, List<String>> all = new LinkedHashMap<>(SHARED);
        for (FileKind kind : FileKind.values()) {
            kind.descriptor().header().columns().forEach((canonical, aliases) -> {
                if (all.putIfAbsent(canonical, aliases) != null) {
                    throw new IllegalStateException("столбец «" + canonical + "» объявлен дважды (вид файла "
                            + kind.code() + "): общий столбец объявляется в ColumnAliases, свой — в описании вида");
                }
            });
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    private final Map<String, String> canonicalByKey;

    private ColumnAliases(Map<String, String> canonicalByKey) {
        this.canonicalByKey = canonicalByKey;
    }

    public static ColumnAliases builtIn() {
        return with(Map.of());
    }

    /** The built-in aliases plus a region's own (canonical name → extra aliases); a region's alias wins a clash. */
    public static ColumnAliases with(Map<String, List<String>> extra) {
        Map<String, String> byKey = new HashMap<>();
        BUILT_IN.forEach((canonical, aliases) -> {
            byKey.put(key(canonical), canonical);
            aliases.forEach(a -> byKey.put(key(a), canonical));
        });
        extra.forEach((canonical, aliases) -> {
            if (!BUILT_IN.containsKey(canonical)) {
                throw new IllegalArgumentException("Неизвестный столбец «" + canonical + "» в ingest.aliases; известные: "
                        + String.join(", ", BUILT_IN.keySet()));
            }
            aliases.forEach(a -> byKey.put(key(a), canonical));
        });
        return new ColumnAliases(byKey);
    }

    /** The canonical name a header cell stands for, or null when it is none of ours. */
    public String canonical(String headerCell) {
        return canonicalByKey.get(key(headerCell));
    }

    /** Case, spaces (including non-breaking), underscores, quotes around digits and ё/е do not matter. */
    public static String key(String name) {
        return name.replace("\uFEFF", "")
                .toLowerCase(Locale.ROOT)
                .replace('ё', 'е')
                .replaceAll("[\\s_\u00A0]+", "");
    }
}
