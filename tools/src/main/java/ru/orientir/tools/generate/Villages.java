package ru.orientir.tools.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Village names for the synthetic region: a base name with its adjective, optionally with
 * a Ново-/Старо-/Верхне-/Нижне-/Мало- prefix, so a district can hold a few hundred distinct
 * villages before names repeat.
 */
final class Villages {

    private static final List<String[]> BASES = List.of(
            new String[] {"Ивановка", "Ивановская"},
            new String[] {"Берёзовка", "Берёзовская"},
            new String[] {"Николаевка", "Николаевская"},
            new String[] {"Александровка", "Александровская"},
            new String[] {"Михайловка", "Михайловская"},
            new String[] {"Покровка", "Покровская"},
            new String[] {"Сосновка", "Сосновская"},
            new String[] {"Калиновка", "Калиновская"},
            new String[] {"Петровка", "Петровская"},
            new String[] {"Андреевка", "Андреевская"},
            new String[] {"Васильевка", "Васильевская"},
            new String[] {"Григорьевка", "Григорьевская"},
            new String[] {"Дмитриевка", "Дмитриевская"},
            new String[] {"Екатериновка", "Екатериновская"},
            new String[] {"Знаменка", "Знаменская"},
            new String[] {"Ольговка", "Ольговская"},
            new String[] {"Павловка", "Павловская"},
            new String[] {"Семёновка", "Семёновская"},
            new String[] {"Троицкое", "Троицкая"},
            new String[] {"Воскресенка", "Воскресенская"},
            new String[] {"Богодуховка", "Богодуховская"},
            new String[] {"Камышинка", "Камышинская"},
            new String[] {"Луговое", "Луговская"},
            new String[] {"Озёрное", "Озёрненская"},
            new String[] {"Полтавка", "Полтавская"},
            new String[] {"Раздольное", "Раздольненская"},
            new String[] {"Степное", "Степнинская"},
            new String[] {"Садовое", "Садовская"},
            new String[] {"Кутузовка", "Кутузовская"},
            new String[] {"Суворовка", "Суворовская"},
            new String[] {"Орловка", "Орловская"},
            new String[] {"Соколовка", "Соколовская"},
            new String[] {"Журавлёвка", "Журавлёвская"},
            new String[] {"Лебяжье", "Лебяжинская"},
            new String[] {"Крутиха", "Крутихинская"},
            new String[] {"Ключи", "Ключевская"},
            new String[] {"Боровое", "Боровская"},
            new String[] {"Осиновка", "Осиновская"},
            new String[] {"Рябиновка", "Рябиновская"},
            new String[] {"Черёмушки", "Черёмушкинская"},
            new String[] {"Ягодное", "Ягоднинская"},
            new String[] {"Красноярка", "Красноярская"},
            new String[] {"Ермолаевка", "Ермолаевская"},
            new String[] {"Кузнецово", "Кузнецовская"},
            new String[] {"Фёдоровка", "Фёдоровская"},
            new String[] {"Шипицыно", "Шипицынская"},
            new String[] {"Бородинка", "Бородинская"},
            new String[] {"Елизаветинка", "Елизаветинская"},
            new String[] {"Марьяновка", "Марьяновская"},
            new String[] {"Алексеевка", "Алексеевская"},
            new String[] {"Никольское", "Никольская"},
            new String[] {"Ильинка", "Ильинская"},
            new String[] {"Успенка", "Успенская"},
            new String[] {"Вознесенка", "Вознесенская"},
            new String[] {"Тихвинка", "Тихвинская"},
            new String[] {"Заречное", "Зареченская"},
            new String[] {"Подгорное", "Подгорненская"},
            new String[] {"Кирсановка", "Кирсановская"},
            new String[] {"Лукьяновка", "Лукьяновская"},
            new String[] {"Медвежье", "Медвежинская"},
            new String[] {"Гольцовка", "Гольцовская"},
            new String[] {"Еланка", "Еланская"},
            new String[] {"Кедровка", "Кедровская"},
            new String[] {"Тополёвка", "Тополёвская"},
            new String[] {"Яблоновка", "Яблоновская"},
            new String[] {"Широкое", "Широковская"},
            new String[] {"Глубокое", "Глубоковская"});

    /** Half of the villages carry no prefix; the empty string is that case. */
    private static final List<String> PREFIXES = List.of("", "", "", "", "", "Ново", "Старо", "Верхне", "Нижне", "Мало");

    private Villages() {
    }

    /** A random village: mostly {@code с.}, then {@code д.}, a few {@code п.}. */
    static Place next(SplittableRandom random) {
        String[] base = BASES.get(random.nextInt(BASES.size()));
        String prefix = PREFIXES.get(random.nextInt(PREFIXES.size()));
        String name = prefix.isEmpty() ? base[0] : prefix + lowerFirst(base[0]);
        String adjective = prefix.isEmpty() ? base[1] : prefix + lowerFirst(base[1]);
        double kind = random.nextDouble();
        return new Place(kind < 0.5 ? "с." : kind < 0.82 ? "д." : "п.", name, adjective);
    }

    private static String lowerFirst(String word) {
        return Character.toLowerCase(word.charAt(0)) + word.substring(1);
    }
}
