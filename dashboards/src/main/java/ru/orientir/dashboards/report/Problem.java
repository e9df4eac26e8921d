package ru.orientir.dashboards.report;

import java.util.List;
import java.util.Locale;

/**
 * A problem the data show (docs/methodology.md §13.1): for the municipality (track 3, {@code schoolId} null) or for one
 * school (track 1: on the list; track 2: in the risk zone or on the early warning's recommended list), with its value
 * beside the region's. {@code ratio} is how many times the value exceeds the region's: problems are ordered by kind
 * ({@link #TYPES}' order), then by it.
 *
 * @param type a code of {@link #TYPES}: the catalogue of measures is keyed by it and the returned plan carries it
 * @param subject what the problem is about within its type: a procedure («ВПР 5 класс, математика»), a risk; or null
 * @param threshold the marker's threshold, for results problems; null otherwise
 */
public record Problem(String type, int track, String schoolId, String schoolName, String subject, String indicator,
                      double value, Double region, Unit unit, Double threshold, double ratio) {

    /** How a value reads. */
    public enum Unit {
        /** a share 0–1, shown in per cent */
        SHARE,
        /** per 100 teachers */
        PER_100,
        /** a count */
        COUNT,
        /** yes (1) or no (0); the region's value is the share of its schools with «yes» */
        FLAG
    }

    /** The problem types in the order of their weight: results first, the context last. */
    public static final List<String> TYPES = List.of("marker", "near_threshold", "results", "objectivity", "vacancies",
            "pension_age", "untrained", "head_change", "context_risk", "survey_risk");

    /** What each type is, in the brief's words. */
    public static String typeName(String type) {
        return switch (type) {
            case "marker" -> "маркер низких результатов";
            case "near_threshold" -> "доля близко к порогу маркера";
            case "results" -> "результаты хуже региональных";
            case "objectivity" -> "сигналы необъективности результатов";
            case "vacancies" -> "вакансии";
            case "pension_age" -> "учителя пенсионного возраста";
            case "untrained" -> "учителя без профильной подготовки";
            case "head_change" -> "смена руководителя";
            case "context_risk" -> "высокий риск по контексту";
            case "survey_risk" -> "высокий риск по анкетированию ФИОКО";
            case "prevention" -> "профилактика учебной неуспешности";
            default -> type;
        };
    }

    public int rank() {
        int i = TYPES.indexOf(type);
        return i < 0 ? TYPES.size() : i;
    }

    /** «маркер низких результатов: ВПР 5 класс, математика» */
    public String title() {
        return typeName(type) + (subject == null ? "" : ": " + subject);
    }

    public String valueText() {
        return format(value, unit, true);
    }

    public String regionText() {
        return region == null ? "—" : format(region, unit, false);
    }

    /** «2,3» times, or «—» where the region's value is zero or unknown. */
    public String ratioText() {
        return Double.isFinite(ratio) && region != null && region > 0
                ? String.format(Locale.ROOT, "%.1f", ratio).replace('.', ',') : "—";
    }

    /** A value in its unit: a share in per cent, a flag as да/нет (the region's flag as the share of its schools). */
    static String format(Double v, Unit unit, boolean own) {
        if (v == null) {
            return "—";
        }
        return switch (unit) {
            case SHARE -> BriefLayout.pct(v);
            case FLAG -> own ? (v >= 0.5 ? "да" : "нет") : BriefLayout.pct(v) + " школ";
            case PER_100 -> String.format(Locale.ROOT, "%.1f", v).replace('.', ',');
            case COUNT -> v == Math.rint(v) ? String.valueOf(Math.round(v))
                    : String.format(Locale.ROOT, "%.1f", v).replace('.', ',');
        };
    }
}
