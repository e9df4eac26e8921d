package ru.orientir.warehouse.marts;

import java.util.List;
import java.util.Optional;

import ru.orientir.warehouse.marts.MartDescriptor.Kind;

/**
 * Every table {@code bin/orientir export} offers, registered once: the exporter, {@code export --help}, the demo and
 * the dashboards' datasets read this list instead of restating it. Adding a mart is one entry here plus its query in
 * {@code sql/export/}; MartsTest fails when the two disagree.
 */
public final class Marts {
    /** The last column of every mart and its export (issue 16: many regions in one warehouse). */
    public static final String REGION = "region";
    private static final List<MartDescriptor> ALL = List.of(
            mart("list_transitions", "переходы списка ШНОР по годам: вошли, остались, вышли (регион и муниципалитеты)",
                    "level", "list_year", "municipality", "schools", "on_list", "entered", "first_time", "returning",
                    "stayed", "left", "share_on_list", "no_data"),
            mart("school_status", "статус каждой школы по годам списка: в списке, сколько лет подряд, кластер",
                    "list_year", "school_id", "school_name", "municipality", "on_list", "status", "consecutive_years",
                    "total_years", "cluster", "no_data_reason", "shnor_shnsu"),
            mart("list_membership", "членство школ в списке ШНОР: официальный список или расчёт, правило, выраженность",
                    "list_year", "school_id", "on_list", "source", "rule", "procedures", "severity", "rule_b_undecided",
                    "severity_note"),
            mart("markers", "маркеры низких результатов по процедурам, классам и предметам",
                    "year", "school_id", "procedure", "grade", "subject", "participants", "share_mark2",
                    "share_below_min", "marker"),
            mart("list_agreement", "официальный список против расчётного",
                    "list_year", "school_id", "official", "computed"),
            mart("objectivity", "сигналы необъективности результатов и их источники",
                    "year", "school_id", "signal", "reason"),
            mart("isb", "индекс социального благополучия (ИСБ) и группа ШНСУ",
                    "year", "school_id", "isb", "indicators_used", "shnsu", "shnor_shnsu"),
            mart("resilience", "индекс результатов против ИСБ: резильентные школы",
                    "year", "school_id", "isb", "result_index", "residual", "resilient"),
            mart("risk_profile", "рисковые профили: риски по контексту школ и по анкетам ФИОКО",
                    "year", "school_id", "risk", "level", "source", "evidence"),
            mart("unrecognised_subjects", "предметы, которые не распознало ни одно правило: по годам, процедурам и "
                            + "написанию в файлах",
                    "year", "procedure", "subject_as_written", "subject", "schools", "file_rows", "reason"),
            mart("early_warning", "раннее предупреждение: вероятность войти в список следующего года, ранг, группа, "
                            + "три главных фактора; рекомендуемый список",
                    "list_year", "school_id", "probability", "rank", "band", "factors", "risk_zone", "recommended", "method",
                    "note"),
            mart("early_warning_backtest", "проверка раннего предупреждения на прошлых годах: модель и правило зоны "
                            + "риска при одном k",
                    "list_year", "k", "recall_at_k", "precision_at_k", "auc", "baseline_recall_at_k",
                    "baseline_precision_at_k", "candidates", "baseline_flagged", "training_years", "note"),
            mart("early_warning_calibration", "калибровка раннего предупреждения: предсказанная вероятность против "
                            + "доли вошедших, по децилям",
                    "decile", "schools", "predicted", "observed"),
            mart("measure_effects", "эффективность мер плана: изменение доли «2» у школ, получивших меру, против "
                            + "сопоставимых школ без неё (связь, не доказательство)",
                    "list_year", "track", "measure_type", "treated", "controls", "treated_change", "control_change",
                    "effect", "ci_low", "ci_high", "note"),
            new MartDescriptor("loads", "история загрузок файлов: одна строка на загрузку, новые сверху", Kind.LOAD_HISTORY,
                    List.of("load_id", "file", "kind", "rows_read", "rows_loaded", "rows_quarantined", "status")),
            new MartDescriptor("quarantine", "отклонённые строки целиком, с причиной", Kind.LOAD_HISTORY,
                    List.of("load_id", "file", "line", "reason", "raw")));

    private Marts() {
    }

    /** Every export, marts first, in the order help and listings show them. */
    public static List<MartDescriptor> all() {
        return ALL;
    }

    /** The analytical marts a run publishes (no load history). */
    public static List<MartDescriptor> marts() {
        return ALL.stream().filter(m -> m.kind() == Kind.MART).toList();
    }

    public static List<String> names() {
        return ALL.stream().map(MartDescriptor::name).toList();
    }

    public static Optional<MartDescriptor> find(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** A mart's export columns; every mart ends with its rows' region (код субъекта РФ; '' in a one-region warehouse). */
    private static MartDescriptor mart(String name, String title, String... columns) {
        List<String> all = new java.util.ArrayList<>(List.of(columns));
        all.add(REGION);
        return new MartDescriptor(name, title, Kind.MART, List.copyOf(all));
    }
}
