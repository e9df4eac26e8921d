package ru.orientir.tools.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The invented municipalities of the synthetic region. The names are made up on purpose
 * (a few coincide with real places only because they are common): generated lists of
 * "low-results schools" must never look like a statement about a real district.
 */
final class Municipalities {

    /** At most this many municipalities, whatever the number of schools. */
    static final int MAX = 40;

    private static final List<Municipality> CITIES = List.of(
            new Municipality("город Новоозёрск", new Place("г.", "Новоозёрск", "Новоозёрская"), true),
            new Municipality("город Старокаменск", new Place("г.", "Старокаменск", "Старокаменская"), true),
            new Municipality("город Верхнеречинск", new Place("г.", "Верхнеречинск", "Верхнеречинская"), true));

    private static final List<Municipality> DISTRICTS = List.of(
            district("Александровский район", "р.п.", "Александровка", "Александровская"),
            district("Берёзовский район", "с.", "Берёзово", "Берёзовская"),
            district("Боровской район", "р.п.", "Боровое", "Боровская"),
            district("Верхнекамышинский муниципальный округ", "с.", "Верхнекамышинка", "Верхнекамышинская"),
            district("Воскресенский район", "с.", "Воскресенское", "Воскресенская"),
            district("Глубоковский район", "р.п.", "Глубокое", "Глубоковская"),
            district("Еланский район", "с.", "Еланка", "Еланская"),
            district("Журавлёвский муниципальный округ", "с.", "Журавлёвка", "Журавлёвская"),
            district("Заозёрный район", "г.", "Заозёрск", "Заозёрская"),
            district("Знаменский район", "с.", "Знаменское", "Знаменская"),
            district("Ильинский район", "с.", "Ильинка", "Ильинская"),
            district("Камышловский район", "г.", "Камышловск", "Камышловская"),
            district("Кедровский муниципальный округ", "р.п.", "Кедровый", "Кедровская"),
            district("Ключевской район", "с.", "Ключи", "Ключевская"),
            district("Красноярский район", "р.п.", "Красный Яр", "Красноярская"),
            district("Лебяжинский район", "с.", "Лебяжье", "Лебяжинская"),
            district("Луговской немецкий национальный район", "с.", "Луговое", "Луговская"),
            district("Михайловский район", "с.", "Михайловка", "Михайловская"),
            district("Николаевский район", "р.п.", "Николаевка", "Николаевская"),
            district("Озёрненский район", "с.", "Озёрное", "Озёрненская"),
            district("Орловский муниципальный округ", "с.", "Орловка", "Орловская"),
            district("Павловский район", "р.п.", "Павловка", "Павловская"),
            district("Покровский район", "с.", "Покровка", "Покровская"),
            district("Полтавский район", "р.п.", "Полтавка", "Полтавская"),
            district("Приреченский район", "г.", "Приреченск", "Приреченская"),
            district("Раздольненский район", "с.", "Раздольное", "Раздольненская"),
            district("Рябиновский район", "с.", "Рябиновка", "Рябиновская"),
            district("Сосновский район", "р.п.", "Сосновка", "Сосновская"),
            district("Степнинский район", "с.", "Степное", "Степнинская"),
            district("Суворовский муниципальный округ", "с.", "Суворовка", "Суворовская"),
            district("Тополёвский район", "с.", "Тополёвка", "Тополёвская"),
            district("Троицкий район", "г.", "Троицк", "Троицкая"),
            district("Успенский район", "с.", "Успенка", "Успенская"),
            district("Усть-Ключевской район", "с.", "Усть-Ключи", "Усть-Ключевская"),
            district("Черёмушкинский район", "р.п.", "Черёмушки", "Черёмушкинская"),
            district("Шипицынский район", "с.", "Шипицыно", "Шипицынская"),
            district("Ягоднинский район", "с.", "Ягодное", "Ягоднинская"),
            district("Яблоновский район", "с.", "Яблоновка", "Яблоновская"));

    private Municipalities() {
    }

    /** Grows with the region (about one municipality per 25 schools), never more than schools. */
    static int countFor(int schools) {
        return Math.min(schools, Math.max(3, Math.min(MAX, schools / 25)));
    }

    /** Regions large enough to have several cities get up to three. */
    static int citiesFor(int municipalities) {
        if (municipalities >= 25) {
            return 3;
        }
        return municipalities >= 10 ? 2 : 1;
    }

    /**
     * Picks {@code count} municipalities: the cities first, then a random subset of the
     * districts kept in alphabetical order, as regional reports list them.
     */
    static List<Municipality> choose(int count, SplittableRandom random) {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("municipalities must be 1.." + MAX + ", got " + count);
        }
        int cities = Math.min(count, citiesFor(count));
        List<Municipality> chosen = new ArrayList<>(CITIES.subList(0, cities));
        int districts = count - cities;
        int[] order = new int[DISTRICTS.size()];
        Arrays.setAll(order, i -> i);
        // Partial Fisher–Yates: the first `districts` slots become a uniform random subset.
        for (int i = 0; i < districts; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] picked = Arrays.copyOf(order, districts);
        Arrays.sort(picked);
        for (int index : picked) {
            chosen.add(DISTRICTS.get(index));
        }
        return List.copyOf(chosen);
    }

    private static Municipality district(String name, String centreKind, String centre, String adjective) {
        return new Municipality(name, new Place(centreKind, centre, adjective), false);
    }
}
