package ru.orientir.etl.analytics.warning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import ru.orientir.etl.analytics.warning.WarningFeatures.Feature;
import ru.orientir.etl.analytics.warning.WarningFeatures.SchoolYear;

/**
 * docs/methodology.md §9.3, the factors behind a school's probability: each feature's contribution is its coefficient
 * times the school's distance from the mean of the schools the model learnt from (w·(x − x̄)), the log-odds it adds
 * against a typical school. The three largest positive contributions are worded in Russian with the school's own
 * values; a school with none above zero reads «факторов выше обычного нет».
 */
public final class Factors {
    public static final int SHOWN = 3;
    public static final String NONE = "факторов выше обычного нет";

    private Factors() {
    }

    /** The top {@link #SHOWN} factors as one line, separated by «; ». */
    public static String of(SchoolYear school, double[] coefficients, double[] means) {
        List<Feature> top = top(school.features(), coefficients, means);
        if (top.isEmpty()) {
            return NONE;
        }
        List<String> words = new ArrayList<>();
        for (Feature f : top) {
            words.add(word(f, school));
        }
        return String.join("; ", words);
    }

    /** The features with a positive contribution, largest first (ties: the feature order), at most {@link #SHOWN}. */
    static List<Feature> top(double[] x, double[] coefficients, double[] means) {
        List<Feature> positive = new ArrayList<>();
        for (Feature f : Feature.values()) {
            if (contribution(f, x, coefficients, means) > 1e-9) {
                positive.add(f);
            }
        }
        positive.sort(Comparator.comparingDouble((Feature f) -> -contribution(f, x, coefficients, means))
                .thenComparingInt(Feature::ordinal));
        return positive.subList(0, Math.min(SHOWN, positive.size()));
    }

    static double contribution(Feature f, double[] x, double[] coefficients, double[] means) {
        int i = f.ordinal();
        return coefficients[i] * (x[i] - means[i]);
    }

    /** One factor in words, with the school's value. */
    static String word(Feature f, SchoolYear s) {
        int year = s.listYear() - 1;
        double v = s.feature(f);
        return switch (f) {
            case MARKERS -> "маркеры " + year + " в " + count(v, "процедуре", "процедурах", "процедурах")
                    + (s.marked() == null ? "" : ": " + s.marked());
            case MARKERS_PREVIOUS -> "маркеры " + (year - 1) + " в " + count(v, "процедуре", "процедурах", "процедурах");
            case NEAR_THRESHOLD -> "у порога в " + year + ": " + (s.near() == null
                    ? count(v, "процедура", "процедуры", "процедур") : s.near());
            case CLOSEST_RATIO -> s.closest() == null ? "доли у порога" : s.closest();
            case TREND -> v > 0 ? "доля «2» в обязательных процедурах " + year + " выросла на " + decimal(v, 1) + " п.п."
                    : "доля «2» в обязательных процедурах " + year + " изменилась на " + decimal(v, 1) + " п.п.";
            case NO_TREND -> "нет динамики по обязательным процедурам за " + (year - 1) + "–" + year;
            case LOG_PARTICIPANTS -> "участников процедур " + year + ": " + s.participants();
            case YEARS_ON_LIST -> "в списке раньше: " + count(v, "год", "года", "лет");
            case LEFT_RECENTLY -> "вышла из списка в " + s.leftYear();
            case ISB -> "ИСБ " + decimal(v, 1);
            case NO_ISB -> "нет данных для ИСБ за " + year;
            case SHNSU -> "школа в группе ШНСУ";
            case CONTEXT_RISKS -> "высоких контекстных рисков: " + (long) v;
            case VACANCIES -> count(v, "вакансия", "вакансии", "вакансий") + " учителей";
            case PENSION_SHARE -> "учителей пенсионного возраста " + decimal(v * 100, 1) + " %";
            case UNTRAINED_SHARE -> "учителей без подготовки " + decimal(v * 100, 1) + " %";
            case HEAD_CHANGED -> "смена руководителя в " + year;
            case NO_STAFFING -> "нет данных о кадрах за " + year;
            case OBJECTIVITY -> "сигналы необъективности в " + year + ": " + (long) v;
        };
    }

    /** «1 процедуре», «2 процедурах»: the number with its noun in the form Russian needs after it. */
    static String count(double value, String one, String few, String many) {
        long n = Math.round(value);
        long lastTwo = n % 100;
        long last = n % 10;
        String noun = lastTwo >= 11 && lastTwo <= 14 ? many : last == 1 ? one : last >= 2 && last <= 4 ? few : many;
        return n + " " + noun;
    }

    /** A decimal comma, as every Russian number Orientir prints. */
    static String decimal(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value).replace('.', ',');
    }
}
