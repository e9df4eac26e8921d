package ru.orientir.dashboards.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue that maps each problem type to a typical measure (docs/methodology.md §13.2): its wording, the
 * indicator that shows whether it worked, how its target is set and its deadline in the plan's year. A region replaces
 * any entry, or any field of one, in orientir.yml ({@code report.measures}); the types are {@link Problem#TYPES} and
 * {@code prevention}, the track-3 measure every municipality's plan has.
 *
 * @param municipalRatio how many times the region's value the municipality's must reach to be a track-3 problem
 */
public record MeasureCatalogue(Map<String, Entry> entries, double municipalRatio) {

    /** How a measure's target value is set from its problem. */
    public enum Target {
        /** below the marker's threshold: the threshold */
        THRESHOLD,
        /** the region's value (or the current one, where that is already lower) */
        REGION,
        /** none left: 0 */
        ZERO,
        /** done: 1 (a yes/no indicator) */
        DONE
    }

    /**
     * One type's measure. {@code «{предмет}»} in the texts is replaced by the problem's subject (a procedure, a risk).
     *
     * @param deadline month and day in the plan's year, {@code MM-DD}
     * @param indicator null: the problem's own indicator
     */
    public record Entry(String measure, String indicator, Target target, String deadline) {
        public Entry {
            if (deadline == null || !deadline.matches("(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])")) {
                throw new IllegalArgumentException("срок меры «" + deadline + "» — ожидается месяц и день: ММ-ДД, "
                        + "например 05-31");
            }
        }
    }

    public static final double MUNICIPAL_RATIO = 1.1;

    private static final Map<String, Entry> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("marker", new Entry("Адресная методическая помощь по предмету ({предмет}): анализ заданий с "
                + "низкой решаемостью, корректировка рабочей программы, индивидуальные образовательные маршруты (ИОМ) "
                + "для обучающихся группы риска, закрепление куратора", null, Target.THRESHOLD, "04-30"));
        DEFAULTS.put("near_threshold", new Entry("Профилактика снижения результатов ({предмет}): промежуточная "
                + "диагностика, работа с обучающимися группы риска, взаимопосещение уроков", null, Target.REGION,
                "04-30"));
        DEFAULTS.put("results", new Entry("Муниципальное методическое объединение по предмету ({предмет}): разбор "
                + "типичных затруднений, повышение квалификации учителей, сетевые консультации", null, Target.REGION,
                "04-30"));
        DEFAULTS.put("objectivity", new Entry("Обеспечение объективности оценочных процедур: независимые "
                + "наблюдатели, перепроверка работ муниципальной предметной комиссией", null, Target.ZERO, "04-30"));
        DEFAULTS.put("vacancies", new Entry("Закрытие вакансий: целевое обучение, привлечение молодых педагогов, "
                + "сетевая форма и дистанционное обучение по предметам без учителя", null, Target.ZERO, "08-31"));
        DEFAULTS.put("pension_age", new Entry("Наставничество и кадровый резерв: закрепление молодых педагогов за "
                + "опытными учителями, планирование замены", null, Target.REGION, "08-31"));
        DEFAULTS.put("untrained", new Entry("Профессиональная переподготовка учителей, ведущих предмет без профильной "
                + "подготовки", null, Target.REGION, "12-31"));
        DEFAULTS.put("head_change", new Entry("Сопровождение нового руководителя: наставник, диагностика "
                + "управленческих компетенций", "диагностика компетенций руководителя пройдена (1 — да, 0 — нет)",
                Target.DONE, "12-31"));
        DEFAULTS.put("context_risk", new Entry("Антирисковая программа школы по риску «{предмет}»",
                "антирисковая программа принята (1 — да, 0 — нет)", Target.DONE, "03-31"));
        DEFAULTS.put("survey_risk", new Entry("Антирисковая программа школы по риску «{предмет}» (анкетирование "
                + "ФИОКО)", "антирисковая программа принята (1 — да, 0 — нет)", Target.DONE, "03-31"));
        DEFAULTS.put("prevention", new Entry("Профилактика учебной неуспешности во всех школах: мониторинг текущей "
                + "успеваемости, раннее выявление обучающихся группы риска, ИОМ", "доля «2» по всем процедурам",
                Target.REGION, "05-31"));
    }

    /** Every type the catalogue knows: the problem types and prevention. */
    public static final List<String> TYPES = List.copyOf(DEFAULTS.keySet());

    public MeasureCatalogue {
        entries = Map.copyOf(entries);
        if (!(municipalRatio > 0)) {
            throw new IllegalArgumentException("report.municipal-ratio: " + municipalRatio + " — ожидается число больше 0");
        }
    }

    public static MeasureCatalogue defaults() {
        return new MeasureCatalogue(DEFAULTS, MUNICIPAL_RATIO);
    }

    /** The defaults with a region's entries over them (an entry's missing fields keep the default's). */
    public static MeasureCatalogue withOverrides(Map<String, Map<String, String>> overrides, Double municipalRatio) {
        Map<String, Entry> merged = new LinkedHashMap<>(DEFAULTS);
        overrides.forEach((type, fields) -> {
            Entry d = DEFAULTS.get(type);
            if (d == null) {
                throw new IllegalArgumentException("report.measures." + type + ": такого типа проблем нет; есть: "
                        + String.join(", ", TYPES));
            }
            for (String key : fields.keySet()) {
                if (!List.of("measure", "indicator", "target", "deadline").contains(key)) {
                    throw new IllegalArgumentException("report.measures." + type + "." + key + ": такого поля нет; "
                            + "есть: measure, indicator, target, deadline");
                }
            }
            merged.put(type, new Entry(fields.getOrDefault("measure", d.measure()),
                    fields.getOrDefault("indicator", d.indicator()), target(type, fields.get("target"), d.target()),
                    fields.getOrDefault("deadline", d.deadline())));
        });
        return new MeasureCatalogue(merged, municipalRatio == null ? MUNICIPAL_RATIO : municipalRatio);
    }

    private static Target target(String type, String text, Target fallback) {
        if (text == null) {
            return fallback;
        }
        for (Target t : Target.values()) {
            if (t.name().equalsIgnoreCase(text.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("report.measures." + type + ".target: «" + text + "» — ожидается threshold, "
                + "region, zero или done");
    }

    public Entry entry(String type) {
        Entry e = entries.get(type);
        if (e == null) {
            throw new IllegalStateException("в каталоге мер нет типа " + type);
        }
        return e;
    }
}
