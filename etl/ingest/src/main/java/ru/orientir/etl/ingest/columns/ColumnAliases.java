package ru.orientir.etl.ingest.columns;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every input column has a canonical English name and Russian aliases; a header cell matches a column when the two
 * are equal ignoring case, spaces, underscores and ё/е. The Russian aliases below are part of the contract; a region
 * adds its own in orientir.yml ({@code ingest.aliases}) without code.
 */
public final class ColumnAliases {
    private static final Map<String, List<String>> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put("year", List.of("год", "учебный год", "год проведения"));
        BUILT_IN.put("list_year", List.of("год списка"));
        BUILT_IN.put("school_id", List.of("код ОО", "код образовательной организации", "логин ОО", "логин"));
        BUILT_IN.put("name", List.of("наименование", "название ОО", "краткое наименование"));
        BUILT_IN.put("school_name", List.of("наименование ОО", "полное наименование ОО"));
        BUILT_IN.put("municipality", List.of("муниципалитет", "МОУО", "муниципальное образование", "муниципальный район"));
        // The school reference's years: a year (or a date) when the school opened and when it closed. «Ликвидация» and
        // «реорганизация» are closing (a reorganised school continues under another code, if at all).
        BUILT_IN.put("opened", List.of("год открытия", "дата открытия", "год основания"));
        BUILT_IN.put("closed", List.of("год закрытия", "дата закрытия", "ликвидация", "год ликвидации",
                "дата ликвидации", "реорганизация", "год реорганизации", "дата реорганизации"));
        BUILT_IN.put("reason", List.of("основание", "причина"));
        BUILT_IN.put("procedure", List.of("процедура", "оценочная процедура"));
        BUILT_IN.put("grade", List.of("класс", "параллель"));
        BUILT_IN.put("subject", List.of("предмет", "учебный предмет"));
        BUILT_IN.put("participant_id", List.of("код участника", "идентификатор участника"));
        BUILT_IN.put("mark", List.of("отметка", "оценка"));
        BUILT_IN.put("score", List.of("балл", "первичный балл", "тестовый балл"));
        BUILT_IN.put("participants", List.of("участников", "количество участников", "число участников"));
        BUILT_IN.put("mark2", List.of("отметка 2", "отметка «2»"));
        BUILT_IN.put("mark3", List.of("отметка 3", "отметка «3»"));
        BUILT_IN.put("mark4", List.of("отметка 4", "отметка «4»"));
        BUILT_IN.put("mark5", List.of("отметка 5", "отметка «5»"));
        BUILT_IN.put("below_min", List.of("ниже минимума", "не преодолели минимальный порог"));
        BUILT_IN.put("mean_score", List.of("средний балл"));
        BUILT_IN.put("students", List.of("обучающихся", "численность обучающихся"));
        BUILT_IN.put("staff", List.of("педагогических работников"));
        BUILT_IN.put("teachers", List.of("учителей"));
        BUILT_IN.put("vacancies", List.of("вакансий"));
        BUILT_IN.put("teachers_pension_age", List.of("учителей пенсионного возраста"));
        BUILT_IN.put("teachers_without_training", List.of("учителей без профильной подготовки"));
        BUILT_IN.put("avg_load", List.of("средняя нагрузка"));
        BUILT_IN.put("head_changed", List.of("смена руководителя"));
        BUILT_IN.put("parents_higher_education_share", List.of("доля родителей с высшим образованием"));
        BUILT_IN.put("unemployed_parents_share", List.of("доля безработных родителей"));
        BUILT_IN.put("low_income_share", List.of("доля малоимущих семей"));
        BUILT_IN.put("non_native_russian_share", List.of("доля с неродным русским языком", "доля с неродным русским"));
        BUILT_IN.put("ovz_share", List.of("доля обучающихся с ОВЗ", "доля ОВЗ"));
        BUILT_IN.put("settlement_population", List.of("численность населения пункта", "численность населения"));
        BUILT_IN.put("distance_km", List.of("расстояние до регионального центра", "расстояние до центра"));
        BUILT_IN.put("direct_transport", List.of("прямое транспортное сообщение"));
        BUILT_IN.put("internet", List.of("интернет"));
        BUILT_IN.put("computers_per_100", List.of("компьютеров на 100 обучающихся"));
        BUILT_IN.put("risk", List.of("риск", "рисковый профиль", "фактор риска", "рисковый фактор"));
        BUILT_IN.put("level", List.of("уровень", "уровень риска", "выраженность риска"));
        BUILT_IN.put("note", List.of("примечание", "комментарий"));
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

    public static List<String> canonicalNames() {
        return List.copyOf(BUILT_IN.keySet());
    }

    public static List<String> russianAliases(String canonical) {
        return BUILT_IN.getOrDefault(canonical, List.of());
    }
}
