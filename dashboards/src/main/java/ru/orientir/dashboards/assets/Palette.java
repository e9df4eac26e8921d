package ru.orientir.dashboards.assets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colour of every category or series a chart sets apart, one colour per word across all dashboards: Superset's
 * own scheme hands out colours by order of appearance and gave «резильентные» and «остальные» two near-identical
 * blues. Colours are from ColorBrewer's qualitative sets, which stay apart for most colour-blind readers; the
 * background group («остальные») is a light grey so the highlighted ones stand out. A dashboard's
 * {@code label_colors} holds the colours of all its charts, so a word keeps its colour across the dashboard.
 */
public final class Palette {
    static final String RED = "#E41A1C";
    static final String BLUE = "#377EB8";
    static final String GREEN = "#4DAF4A";
    static final String PURPLE = "#984EA3";
    static final String ORANGE = "#FF7F00";
    static final String DARK_ORANGE = "#D95F02";
    static final String GREY = "#999999";
    static final String LIGHT_GREY = "#BDBDBD";

    private static final Map<String, String> COLORS = colors(
            // list membership and movement
            "В списке", BLUE,
            "Вошли", GREEN,
            "Вошли впервые", GREEN,
            "Вернулись", ORANGE,
            "Остались", PURPLE,
            "Вышли", RED,
            "Доля вышедших (от списка прошлого года)", RED,
            "Доля вернувшихся среди вошедших", ORANGE,
            // list schools against the rest
            "школы списка", RED,
            "остальные школы", GREY,
            // resilience
            "резильентные", DARK_ORANGE,
            "выше ожидаемого", BLUE,
            "остальные", LIGHT_GREY,
            // risk levels
            "высокий", RED,
            "средний", ORANGE,
            "низкий", GREEN,
            "нет данных", GREY,
            // results judged, and loads
            "маркер", RED,
            "нет маркера", GREEN,
            "мало участников", ORANGE,
            "нет участников", GREY,
            "Загружено строк", GREEN,
            "В карантине строк", RED,
            // early warning: the model against the rule, predicted against observed
            "Модель: доля вошедших", BLUE,
            "Правило зоны риска: доля вошедших", LIGHT_GREY,
            "Предсказанная доля", BLUE,
            "Доля вошедших на самом деле", DARK_ORANGE,
            // a plan's measures: their state, and the roadmap's indicators
            "выполнено", GREEN,
            "просрочено", RED,
            "в работе", BLUE,
            "не начато", LIGHT_GREY,
            "Доля школ с куратором", BLUE,
            "Доля обучающихся группы риска с ИОМ", GREEN,
            "Доля педагогов с повышением квалификации", PURPLE,
            "Доля школ с антирисковой программой", ORANGE,
            "Самооценка, средний балл", BLUE,
            "Внешняя оценка, средний балл", DARK_ORANGE);

    private Palette() {
    }

    /** The colour of each label, in order; a label without a colour here is a programming error. */
    public static Map<String, String> of(List<String> labels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String label : labels) {
            String color = COLORS.get(label);
            if (color == null) {
                throw new IllegalArgumentException("No colour for the highlighted category «" + label + "»");
            }
            m.put(label, color);
        }
        return m;
    }

    private static Map<String, String> colors(String... labelsAndColors) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndColors.length; i += 2) {
            m.put(labelsAndColors[i], labelsAndColors[i + 1]);
        }
        return Map.copyOf(m);
    }
}
