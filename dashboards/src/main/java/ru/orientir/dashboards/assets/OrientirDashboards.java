package ru.orientir.dashboards.assets;

import static ru.orientir.dashboards.assets.Dashboard.row;
import static ru.orientir.dashboards.datasets.MartDatasets.EARLY_WARNING;
import static ru.orientir.dashboards.datasets.MartDatasets.EARLY_WARNING_BACKTEST;
import static ru.orientir.dashboards.datasets.MartDatasets.EARLY_WARNING_CALIBRATION;
import static ru.orientir.dashboards.datasets.MartDatasets.LIST_GAP;
import static ru.orientir.dashboards.datasets.MartDatasets.MEASURE_EFFECTS;
import static ru.orientir.dashboards.datasets.MartDatasets.PLAN;
import static ru.orientir.dashboards.datasets.MartDatasets.PLAN_SCHOOLS;
import static ru.orientir.dashboards.datasets.MartDatasets.ROADMAP;
import static ru.orientir.dashboards.datasets.MartDatasets.LIST_TRANSITIONS;
import static ru.orientir.dashboards.datasets.MartDatasets.MEMBERSHIP_YEARS;
import static ru.orientir.dashboards.datasets.MartDatasets.META_LOAD;
import static ru.orientir.dashboards.datasets.MartDatasets.META_QUARANTINE;
import static ru.orientir.dashboards.datasets.MartDatasets.META_RUN;
import static ru.orientir.dashboards.datasets.MartDatasets.FEDERAL_DYNAMICS;
import static ru.orientir.dashboards.datasets.MartDatasets.REGION_DYNAMICS;
import static ru.orientir.dashboards.datasets.MartDatasets.RESILIENCE;
import static ru.orientir.dashboards.datasets.MartDatasets.RISK_PROFILE;
import static ru.orientir.dashboards.datasets.MartDatasets.SCHOOL_CONTEXT;
import static ru.orientir.dashboards.datasets.MartDatasets.SCHOOL_RESULTS;
import static ru.orientir.dashboards.datasets.MartDatasets.SCHOOL_STAFFING;
import static ru.orientir.dashboards.datasets.MartDatasets.SCHOOL_STATUS;
import static ru.orientir.dashboards.datasets.MartDatasets.SCHOOL_YEARS;
import static ru.orientir.dashboards.datasets.MartDatasets.UNRECOGNISED_SUBJECTS;
import static ru.orientir.dashboards.datasets.MartDatasets.YEAR_FLOWS;
import static ru.orientir.dashboards.datasets.NumberFormat.COUNT;
import static ru.orientir.dashboards.datasets.NumberFormat.DECIMAL;
import static ru.orientir.dashboards.datasets.NumberFormat.INDEX;
import static ru.orientir.dashboards.datasets.NumberFormat.ISB;
import static ru.orientir.dashboards.datasets.NumberFormat.MARK;
import static ru.orientir.dashboards.datasets.NumberFormat.NONE;
import static ru.orientir.dashboards.datasets.NumberFormat.PERCENT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.orientir.dashboards.assets.Chart.Viz;
import ru.orientir.dashboards.assets.Dashboard.Cell;
import ru.orientir.dashboards.assets.Dashboard.Filter;
import ru.orientir.dashboards.datasets.Dataset;

/**
 * Orientir's dashboards over the published marts: list entry and exit, municipalities, the ministry's dynamics (with
 * the results gap between list schools and the rest), a school's profile, risk profiles, resilience, and data quality.
 * Nothing here reads a table that is not published.
 */
public final class OrientirDashboards {
    private static final String REGION = "level = 'region'";
    private static final String MUNICIPALITY = "level = 'municipality'";

    private static final Metric ON_LIST = new Metric("В списке", "SUM(on_list)", COUNT);
    private static final Metric ENTERED = new Metric("Вошли", "SUM(entered)", COUNT);
    private static final Metric FIRST_TIME = new Metric("Вошли впервые", "SUM(first_time)", COUNT);
    private static final Metric RETURNING = new Metric("Вернулись", "SUM(\"returning\")", COUNT);
    private static final Metric STAYED = new Metric("Остались", "SUM(stayed)", COUNT);
    private static final Metric LEFT = new Metric("Вышли", "SUM(\"left\")", COUNT);
    private static final Metric SHARE = new Metric("Доля школ в списке",
            "SUM(on_list) * 1.0 / NULLIF(SUM(schools), 0)", PERCENT);
    private static final Metric EXIT_RATE = new Metric("Доля вышедших (от списка прошлого года)",
            "SUM(\"left\") * 1.0 / NULLIF(SUM(prev_on_list), 0)", PERCENT);
    private static final Metric RETURNING_RATE = new Metric("Доля вернувшихся среди вошедших",
            "SUM(\"returning\") * 1.0 / NULLIF(SUM(entered), 0)", PERCENT);
    private static final Metric SCHOOLS = new Metric("Школ", "COUNT(*)", COUNT);

    private OrientirDashboards() {
    }

    public static List<Dashboard> all() {
        return List.of(entryExit(), municipalities(), ministry(), schoolProfile(), riskProfiles(), resilience(),
                earlyWarning(), roadmap(), federal(), dataQuality());
    }

    public static List<Chart> charts() {
        return all().stream().flatMap(d -> d.charts().stream()).toList();
    }

    static Dashboard entryExit() {
        Chart byYear = chart("entry_exit_by_year", "Список ШНОР по годам: в списке, вошли, остались, вышли", Viz.BAR,
                LIST_TRANSITIONS, List.of("list_year"), List.of(ON_LIST, FIRST_TIME, RETURNING, STAYED, LEFT), REGION,
                Map.of("y_axis_title", "Школ"));
        Chart table = chart("entry_exit_table", "Переходы по годам списка (регион)", Viz.TABLE, LIST_TRANSITIONS,
                List.of("list_year"), List.of(ON_LIST, ENTERED, FIRST_TIME, RETURNING, STAYED, LEFT), REGION,
                Map.of("order_desc", false, "sort_by", "MIN(list_year)"));
        Chart flows = chart("entry_exit_flows", "Переходы школ между соседними годами списка", Viz.SANKEY, YEAR_FLOWS,
                List.of("source", "target"), List.of(SCHOOLS), null, Map.of());
        Chart membership = chart("entry_exit_membership", "Школы и их членство в списке по годам (+ в списке, − нет)",
                Viz.PIVOT, MEMBERSHIP_YEARS, List.of("municipality", "school_id", "school_name", "list_year"),
                List.of(new Metric("В списке", "MAX(mark)", NONE)), null,
                Map.of("rows", 3, "aggregateFunction", "First", "conditional_formatting", List.of()));
        return new Dashboard("shnor-entry-exit", "Вход и выход из списка ШНОР",
                "По годам списка: сколько школ в списке, сколько вошли (впервые / повторно), остались и вышли; "
                        + "переходы между соседними годами; таблица школ с членством в каждом году.",
                List.of(row(60, Cell.of(byYear, 7), Cell.of(table, 5)),
                        row(70, Cell.of(flows, 12)),
                        row(10, Cell.note("**Членство в списке по годам:** + — школа в списке в этом году, "
                                + "− — не в списке; показаны школы, хотя бы раз входившие в список.", 12)),
                        row(100, Cell.of(membership, 12))),
                List.of());
    }

    static Dashboard municipalities() {
        Chart heat = chart("municipality_share_heatmap", "Доля школ в списке ШНОР по муниципалитетам и годам",
                Viz.HEATMAP, LIST_TRANSITIONS, List.of("list_year", "municipality"), List.of(SHARE), MUNICIPALITY,
                Map.of("x_axis_title", "Год списка"));
        Chart bars = chart("municipality_share_bar", "Доля школ в списке по муниципалитетам", Viz.BAR, LIST_TRANSITIONS,
                List.of("municipality"), List.of(SHARE), MUNICIPALITY,
                Map.of("orientation", "horizontal", "show_value", false));
        Chart table = chart("municipality_transitions_table", "Муниципалитеты: школы, список и переходы по годам",
                Viz.TABLE, LIST_TRANSITIONS, List.of("municipality", "list_year"),
                List.of(new Metric("Школ", "SUM(schools)", COUNT), ON_LIST, SHARE, ENTERED, STAYED, LEFT),
                MUNICIPALITY,
                Map.of("order_desc", false, "sort_by", "MIN(list_year)"));
        Chart schools = chart("municipality_schools", "Школы муниципалитета: статус в списке по годам", Viz.RAW_TABLE,
                SCHOOL_YEARS, List.of("municipality", "list_year", "school_id", "school_name", "on_list_label",
                        "status_label", "consecutive_years", "total_years", "cluster_name", "shnor_shnsu_label"),
                List.of(), "on_list OR status IN ('left', 'no_data')",
                Map.of());
        return new Dashboard("shnor-municipalities", "Муниципалитеты",
                "Доля школ в списке ШНОР по муниципалитетам и годам; выберите муниципалитет и год в фильтрах, "
                        + "чтобы увидеть его школы.",
                List.of(row(110, Cell.of(heat, 7), Cell.of(bars, 5)),
                        row(60, Cell.of(table, 12)),
                        row(70, Cell.of(schools, 12))),
                List.of(new Filter("Муниципалитет", SCHOOL_STATUS, "municipality"),
                        new Filter("Год списка", SCHOOL_STATUS, "list_year")));
    }

    static Dashboard ministry() {
        Chart size = chart("ministry_list_size", "Размер списка ШНОР по годам", Viz.LINE, REGION_DYNAMICS,
                List.of("list_year"), List.of(ON_LIST), null, Map.of("y_axis_title", "Школ"));
        Chart rates = chart("ministry_rates", "Доля вышедших и доля вернувшихся по годам", Viz.LINE, REGION_DYNAMICS,
                List.of("list_year"), List.of(EXIT_RATE, RETURNING_RATE), null, Map.of());
        Chart flows = chart("ministry_entered_left", "Вошли и вышли по годам", Viz.BAR, REGION_DYNAMICS,
                List.of("list_year"), List.of(ENTERED, LEFT), null, Map.of());
        Metric onListIndex = new Metric("Индекс: школы списка",
                "AVG(CASE WHEN on_list_flag = 1 THEN result_index END)", INDEX);
        Metric offListIndex = new Metric("Индекс: остальные",
                "AVG(CASE WHEN on_list_flag = 0 THEN result_index END)", INDEX);
        Chart gap = chart("ministry_results_gap", "Индекс результатов: школы списка и остальные (год до списка)",
                Viz.LINE, LIST_GAP, List.of("list_year", "group_label"),
                List.of(new Metric("Средний индекс результатов", "AVG(result_index)", INDEX)), null,
                Map.of("categories", List.of("школы списка", "остальные школы")));
        Chart gapTable = chart("ministry_results_gap_table", "Разрыв в результатах между школами списка и остальными",
                Viz.TABLE, LIST_GAP, List.of("list_year"),
                List.of(onListIndex, offListIndex, new Metric("Разрыв по индексу (остальные − список)",
                                "AVG(CASE WHEN on_list_flag = 0 THEN result_index END) "
                                        + "- AVG(CASE WHEN on_list_flag = 1 THEN result_index END)", INDEX),
                        new Metric("Доля «2»: школы списка", "AVG(CASE WHEN on_list_flag = 1 THEN share_low END)",
                                PERCENT),
                        new Metric("Доля «2»: остальные", "AVG(CASE WHEN on_list_flag = 0 THEN share_low END)",
                                PERCENT)),
                null, Map.of("order_desc", false, "sort_by", "MIN(list_year)"));
        Chart table = chart("ministry_yoy_table", "Год к году: размер списка, вход, выход, возврат", Viz.TABLE,
                REGION_DYNAMICS, List.of("list_year"),
                List.of(ON_LIST, new Metric("Изменение к прошлому году", "SUM(on_list) - SUM(prev_on_list)", COUNT),
                        ENTERED, LEFT, EXIT_RATE, RETURNING_RATE, SHARE),
                null, Map.of("order_desc", false, "sort_by", "MIN(list_year)"));
        return new Dashboard("shnor-ministry-dynamics", "Динамика для министерства",
                "Год к году: размер списка ШНОР, доля вышедших, доля вернувшихся; разрыв в результатах между "
                        + "школами списка и остальными.",
                List.of(row(60, Cell.of(size, 6), Cell.of(rates, 6)),
                        row(60, Cell.of(flows, 6), Cell.of(table, 6)),
                        row(60, Cell.of(gap, 6), Cell.of(gapTable, 6)),
                        row(50, Cell.of(effects("ministry_measure_effects"), 12)),
                        row(12, Cell.note("**Разрыв в результатах** между школами списка и остальными: результаты берутся "
                                + "за год до года списка (список 2023 года — по результатам 2022 года). Индекс "
                                + "результатов — среднее стандартизованных результатов обязательных процедур (0 — средний "
                                + "по региону); доля «2» — средняя по оценённым процедурам (ЕГЭ — ниже минимального балла).",
                                12))),
                List.of());
    }

    /**
     * The federal comparison of regions year over year (issue 16): list size and share, entries and exits, the results
     * gap, the share of ШНСУ on the list. A regional role sees its own region's rows only (row-level security).
     */
    static Dashboard federal() {
        Metric schools = new Metric("Школ", "SUM(schools)", COUNT);
        Metric gap = new Metric("Разрыв доли «2» (список − остальные)", "AVG(results_gap)", PERCENT);
        Metric indexGap = new Metric("Разрыв по индексу (список − остальные)", "AVG(result_index_gap)", INDEX);
        Metric shnsuOnList = new Metric("Доля ШНСУ среди школ списка", "AVG(shnsu_on_list_share)", PERCENT);
        Chart heat = chart("federal_share_heatmap", "Доля школ в списке ШНОР: регионы по годам", Viz.HEATMAP,
                FEDERAL_DYNAMICS, List.of("list_year", "region"), List.of(SHARE), null, Map.of());
        Chart size = chart("federal_list_size", "Размер списка ШНОР по годам: все регионы вместе", Viz.LINE,
                FEDERAL_DYNAMICS, List.of("list_year"), List.of(ON_LIST, ENTERED, LEFT), null,
                Map.of("y_axis_title", "Школ"));
        Chart flows = chart("federal_entered_left", "Вошли и вышли: регионы, все годы", Viz.BAR, FEDERAL_DYNAMICS,
                List.of("region"), List.of(ENTERED, LEFT), null, Map.of());
        Chart table = chart("federal_table", "Регионы год к году: список, вход, выход, разрыв в результатах, ШНСУ",
                Viz.TABLE, FEDERAL_DYNAMICS, List.of("region", "list_year"),
                List.of(schools, ON_LIST, ENTERED, LEFT, SHARE, gap, indexGap, shnsuOnList), null, Map.of());
        return new Dashboard("shnor-federal", "Регионы: сравнение год к году",
                "Для федерального уровня и общего хранилища нескольких регионов: размер и доля списка ШНОР, вход и "
                        + "выход, разрыв в результатах между школами списка и остальными, доля ШНСУ в списке.",
                List.of(row(60, Cell.of(heat, 7), Cell.of(size, 5)),
                        row(60, Cell.of(table, 8), Cell.of(flows, 4)),
                        row(16, Cell.note("Каждый регион считается **отдельно**: пороги ИСБ и ШНСУ, годы списков, доли "
                                + "и переходы — по школам своего региона, так же как в хранилище одного региона. Разрыв "
                                + "в результатах — средняя доля «2» (ЕГЭ — ниже минимального балла) школ списка минус "
                                + "средняя доля остальных школ региона за год до года списка. ШНСУ в каждом регионе — его "
                                + "нижний квантиль ИСБ, поэтому сравнивайте долю ШНСУ **среди школ списка**. Код региона "
                                + "пуст, если справочник школ не указывает код субъекта (хранилище одного региона).",
                                12))),
                List.of(new Filter("Регион", FEDERAL_DYNAMICS, "region")));
    }

    static Dashboard schoolProfile() {
        Chart history = chart("profile_membership", "Членство в списке по годам, кластер и его основание", Viz.RAW_TABLE,
                SCHOOL_YEARS, List.of("list_year", "on_list_label", "status_label", "source_label", "rule_label",
                        "procedures", "severity_label", "results_year", "cluster_name", "cluster_reason",
                        "consecutive_years", "total_years"),
                List.of(), null, Map.of("order_by", List.of("list_year")));
        Chart shares = chart("profile_share_low", "Доля «2» (ЕГЭ — ниже минимума) по процедурам и годам", Viz.PIVOT,
                SCHOOL_RESULTS, List.of("procedure_name", "year"),
                List.of(new Metric("Доля «2»", "MAX(share_low)", PERCENT)),
                null, Map.of("rows", 1));
        Chart means = chart("profile_mean_result", "Средний результат по процедурам и годам (отметка; ЕГЭ — балл)",
                Viz.PIVOT, SCHOOL_RESULTS, List.of("procedure_name", "year"),
                List.of(new Metric("Средний результат", "MAX(mean_result)", MARK)), null,
                Map.of("rows", 1));
        Chart markers = chart("profile_markers", "Маркеры низких результатов по процедурам и годам", Viz.PIVOT,
                SCHOOL_RESULTS, List.of("procedure_name", "year"),
                List.of(new Metric("Маркер", "MAX(marker_label)", NONE)),
                null, Map.of("rows", 1, "aggregateFunction", "First"));
        Chart risks = chart("profile_risks", "Профиль рисков: по контексту и по анкетированию ФИОКО", Viz.PIVOT,
                RISK_PROFILE, List.of("risk", "source_label"), List.of(new Metric("Уровень", "MAX(level)", NONE)),
                "is_latest = 1", Map.of("rows", 1, "aggregateFunction", "First"));
        Chart context = chart("profile_context", "Контекст школы (последний год)", Viz.RAW_TABLE, SCHOOL_CONTEXT,
                List.of("year", "settlement_population", "distance_km", "direct_transport", "internet",
                        "computers_per_100", "parents_higher_education_share", "unemployed_parents_share",
                        "low_income_share", "non_native_russian_share", "ovz_share"),
                List.of(), null, Map.of());
        Chart staffing = chart("profile_staffing", "Кадры школы (последний год)", Viz.RAW_TABLE, SCHOOL_STAFFING,
                List.of("year", "students", "staff", "teachers", "vacancies", "teachers_pension_age",
                        "teachers_without_training", "avg_load", "head_changed"),
                List.of(), null, Map.of());
        Chart warning = chart("profile_early_warning", "Раннее предупреждение: вероятность войти в список и факторы",
                Viz.RAW_TABLE, EARLY_WARNING, List.of("list_year", "probability", "band", "factors", "risk_zone_label",
                        "recommended_label", "method", "note"),
                List.of(), null, Map.of());
        return new Dashboard("school-profile", "Профиль школы",
                "Одна школа: результаты по процедурам и годам, маркеры, история членства в списке, кластер и его "
                        + "основание, раннее предупреждение, контекст и кадры, профиль рисков.",
                List.of(row(10, Cell.note("Выберите школу в фильтре **«Школа»** (по умолчанию — первая по списку). "
                                + "Год списка — год, на который составлен список; результаты — за предыдущий год.", 12)),
                        row(50, Cell.of(history, 12)),
                        row(80, Cell.of(shares, 6), Cell.of(means, 6)),
                        row(80, Cell.of(markers, 7), Cell.of(risks, 5)),
                        row(30, Cell.of(warning, 12)),
                        row(30, Cell.of(context, 12)),
                        row(30, Cell.of(staffing, 12))),
                List.of(new Filter("Школа", SCHOOL_YEARS, "school", true)));
    }

    static Dashboard riskProfiles() {
        String latestContext = "source = 'context' AND is_latest = 1";
        Chart heat = chart("risk_heatmap", "Школы и риски по контексту: 3 — высокий, 2 — средний, 1 — низкий",
                Viz.HEATMAP, RISK_PROFILE, List.of("risk", "school"),
                List.of(new Metric("Уровень риска", "MAX(level_score)", COUNT)),
                latestContext + " AND level_score IS NOT NULL",
                Map.of("row_limit", 50_000, "show_values", false, "normalize_across", "heatmap",
                        "linear_color_scheme", "oranges", "x_axis_title", "Риск"));
        Chart counts = chart("risk_counts", "Число школ по рискам и уровням (включая «нет данных»)", Viz.PIVOT,
                RISK_PROFILE, List.of("risk", "level"),
                List.of(new Metric("Школ", "COUNT(DISTINCT school_id)", COUNT)), latestContext,
                Map.of("rows", 1));
        Chart bars = chart("risk_levels_bar", "Школы с высоким и средним уровнем риска", Viz.BAR, RISK_PROFILE,
                List.of("risk", "level"), List.of(new Metric("Школ", "COUNT(DISTINCT school_id)", COUNT)),
                latestContext + " AND level_score >= 2", Map.of("stack", "Stack", "y_axis_title", "Школ",
                        "categories", List.of("высокий", "средний")));
        return new Dashboard("risk-profiles", "Рисковые профили",
                "Профили рисков школ по контексту и кадрам (локальные прокси Orientir) за последний год: тепловая "
                        + "карта «школы × риски» и число школ по рискам и уровням.",
                List.of(row(12, Cell.note("Уровни — по контекстным и кадровым данным (прокси Orientir, не анкетирование): "
                                + "**3 — высокий, 2 — средний, 1 — низкий**. Клетки «нет данных» в тепловой карте не "
                                + "показаны (пусто) — их число в таблице справа. Профили анкетирования ФИОКО (500+) — "
                                + "в дашборде «Профиль школы». Выберите муниципалитет в фильтре, чтобы карта читалась.",
                                12)),
                        row(150, Cell.of(heat, 7), Cell.of(counts, 5)),
                        row(60, Cell.of(bars, 12))),
                List.of(new Filter("Муниципалитет", RISK_PROFILE, "municipality")));
    }

    static Dashboard resilience() {
        String latest = "is_latest = 1 AND isb IS NOT NULL AND result_index IS NOT NULL";
        Chart scatter = chart("resilience_scatter", "ИСБ и индекс результатов: резильентные школы выделены", Viz.BUBBLE,
                RESILIENCE, List.of("school", "resilience_group"),
                List.of(new Metric("ИСБ", "MAX(isb)", ISB), new Metric("Индекс результатов", "MAX(result_index)", INDEX),
                        new Metric("Школ", "COUNT(*)", COUNT)),
                latest, Map.of("row_limit", 50_000,
                        "categories", List.of("резильентные", "выше ожидаемого", "остальные")));
        Chart groups = chart("resilience_groups_by_year", "Резильентные и «выше ожидаемого» по годам", Viz.BAR,
                RESILIENCE, List.of("year", "resilience_group"), List.of(new Metric("Школ", "COUNT(*)", COUNT)),
                "resilience_group <> 'остальные'", Map.of("y_axis_title", "Школ",
                        "categories", List.of("резильентные", "выше ожидаемого")));
        Chart sites = chart("resilience_training_sites", "Кандидаты в стажировочные площадки", Viz.RAW_TABLE, RESILIENCE,
                List.of("year", "municipality", "school_id", "school_name", "isb", "result_index", "std_residual",
                        "resilience_group", "training_site_reason"),
                List.of(), "training_site_flag = 1", Map.of("order_by", List.of("year DESC")));
        return new Dashboard("resilience", "Резильентность",
                "ИСБ (социальное благополучие) против индекса результатов: резильентные школы — в нижней четверти по "
                        + "ИСБ и в верхней четверти по результатам; кандидаты в стажировочные площадки.",
                List.of(row(12, Cell.note("Точка — школа за последний год результатов. **Резильентные** — ИСБ в нижней "
                                + "четверти, индекс результатов в верхней; **выше ожидаемого** — стандартизованное "
                                + "отклонение от линии «результат по ИСБ» не меньше +1.", 12)),
                        row(100, Cell.of(scatter, 8), Cell.of(groups, 4)),
                        row(60, Cell.of(sites, 12))),
                List.of(new Filter("Муниципалитет", RESILIENCE, "municipality")));
    }

    static Dashboard earlyWarning() {
        Chart ranked = chart("early_warning_ranked", "Кто может войти в список в следующем году: школы по риску",
                Viz.RAW_TABLE, EARLY_WARNING, List.of("rank", "municipality", "school_id", "school_name", "probability",
                        "band", "factors", "risk_zone_label", "recommended_label"),
                List.of(), "probability IS NOT NULL", Map.of("order_by", List.of("rank")));
        Chart bands = chart("early_warning_bands", "Школы по группам риска и в зоне риска (кластер 4)", Viz.TABLE,
                EARLY_WARNING, List.of("band", "risk_zone_label"), List.of(SCHOOLS), "probability IS NOT NULL",
                Map.of());
        Chart backtest = chart("early_warning_backtest", "Проверка на прошлых годах: доля вошедших среди k школ с "
                        + "наибольшим риском, модель и правило зоны риска", Viz.BAR, EARLY_WARNING_BACKTEST,
                List.of("list_year"),
                List.of(new Metric("Модель: доля вошедших", "MAX(recall_at_k)", PERCENT),
                        new Metric("Правило зоны риска: доля вошедших", "MAX(baseline_recall_at_k)", PERCENT)),
                "recall_at_k IS NOT NULL", Map.of("y_axis_title", "Доля вошедших"));
        Chart backtestTable = chart("early_warning_backtest_table", "Проверка по годам: k, доли, AUC, почему год не "
                        + "проверен", Viz.TABLE, EARLY_WARNING_BACKTEST, List.of("list_year", "note"),
                List.of(new Metric("Вошли (k)", "MAX(k)", COUNT),
                        new Metric("Модель: доля вошедших", "MAX(recall_at_k)", PERCENT),
                        new Metric("Правило: доля вошедших", "MAX(baseline_recall_at_k)", PERCENT),
                        new Metric("AUC (площадь под ROC-кривой)", "MAX(auc)", INDEX),
                        new Metric("Проверено школ", "MAX(candidates)", COUNT)),
                null, Map.of("order_desc", false, "sort_by", "MIN(list_year)"));
        Chart calibration = chart("early_warning_calibration", "Калибровка: предсказанная вероятность и доля вошедших "
                        + "по децилям", Viz.LINE, EARLY_WARNING_CALIBRATION, List.of("decile"),
                List.of(new Metric("Предсказанная доля", "MAX(predicted)", PERCENT),
                        new Metric("Доля вошедших на самом деле", "MAX(observed)", PERCENT)),
                null, Map.of("x_axis_title", "Дециль прогноза"));
        Chart missing = chart("early_warning_missing", "Школы без вероятности и почему", Viz.TABLE, EARLY_WARNING,
                List.of("note"), List.of(SCHOOLS), "probability IS NULL", Map.of());
        return new Dashboard("early-warning", "Раннее предупреждение",
                "Вероятность войти в список ШНОР в следующем году для школ вне списка, три главных фактора, проверка "
                        + "на прошлых годах против правила зоны риска (кластер 4): основание треков 2–3 плана.",
                List.of(row(14, Cell.note("**Рекомендуемый список** («Рекомендуется наблюдать» — да): первые школы по "
                                + "вероятности, если модель на прошлых годах региона нашла больше вошедших, чем правило зоны "
                                + "риска; иначе — школы зоны риска. Вероятность — калиброванная; факторы — чем школа похожа "
                                + "на школы, входившие в список раньше, а не причины. Методика — раздел 9.", 12)),
                        row(110, Cell.of(ranked, 12)),
                        row(60, Cell.of(backtest, 7), Cell.of(bands, 5)),
                        row(60, Cell.of(backtestTable, 7), Cell.of(calibration, 5)),
                        row(40, Cell.of(missing, 12))),
                List.of(new Filter("Муниципалитет", EARLY_WARNING, "municipality")));
    }

    /** The measures' effects (docs/methodology.md §13.5), in the roadmap's dashboard and the ministry's. */
    private static Chart effects(String key) {
        return chart(key, "Эффективность мер: изменение доли «2» у школ с мерой против сопоставимых школ (связь, не "
                        + "доказательство)", Viz.TABLE, MEASURE_EFFECTS, List.of("list_year", "track_label",
                        "measure_label", "note"),
                List.of(new Metric("Школ с мерой", "MAX(treated)", COUNT),
                        new Metric("Сопоставимых школ", "MAX(controls)", COUNT),
                        new Metric("Изменение доли «2»: с мерой", "MAX(treated_change)", PERCENT),
                        new Metric("Изменение доли «2»: сопоставимые", "MAX(control_change)", PERCENT),
                        new Metric("Разница изменений доли «2»", "MAX(effect)", PERCENT),
                        new Metric("95 %: от (разница доли «2»)", "MAX(ci_low)", PERCENT),
                        new Metric("95 %: до (разница доли «2»)", "MAX(ci_high)", PERCENT)),
                null, Map.of("order_desc", false, "sort_by", "MIN(list_year)"));
    }

    static Dashboard roadmap() {
        Metric measures = new Metric("Мер", "COUNT(*)", COUNT);
        Chart byTrack = chart("roadmap_state_by_track", "Исполнение плана по трекам: выполнено, просрочено, в работе, "
                + "не начато", Viz.BAR, PLAN, List.of("track_label", "state"), List.of(measures), null,
                Map.of("y_axis_title", "Мер", "categories", List.of("выполнено", "просрочено", "в работе", "не начато")));
        Chart byMunicipality = chart("roadmap_state_by_municipality", "Исполнение плана по муниципалитетам и годам",
                Viz.TABLE, PLAN, List.of("municipality", "list_year", "state"), List.of(measures), null, Map.of());
        Chart bySchool = chart("roadmap_state_by_school", "Исполнение плана по школам", Viz.TABLE, PLAN_SCHOOLS,
                List.of("school", "list_year", "track_label", "state"), List.of(measures), null, Map.of());
        Chart targets = chart("roadmap_targets", "Показатели мер: базовое, целевое и фактическое значения",
                Viz.RAW_TABLE, PLAN, List.of("municipality", "list_year", "track", "measure", "schools", "deadline",
                        "indicator", "baseline", "target", "actual", "target_met", "state"),
                List.of(), null, Map.of("order_by", List.of("track")));
        Chart over = chart("roadmap_indicators", "Показатели дорожной карты по годам", Viz.LINE, ROADMAP,
                List.of("year"), List.of(new Metric("Доля школ с куратором", "AVG(curator_assigned)", PERCENT),
                        new Metric("Доля обучающихся группы риска с ИОМ", "AVG(iom_share)", PERCENT),
                        new Metric("Доля педагогов с повышением квалификации", "AVG(training_share)", PERCENT),
                        new Metric("Доля школ с антирисковой программой", "AVG(antirisk_programme)", PERCENT)),
                null, Map.of("x_axis_title", "Год"));
        Chart heads = chart("roadmap_heads", "Диагностика компетенций руководителей: самооценка и внешняя оценка",
                Viz.LINE, ROADMAP, List.of("year"),
                List.of(new Metric("Самооценка, средний балл", "AVG(head_self_score)", DECIMAL),
                        new Metric("Внешняя оценка, средний балл", "AVG(head_external_score)", DECIMAL)),
                null, Map.of("x_axis_title", "Год"));
        return new Dashboard("roadmap-fulfilment", "Дорожная карта: исполнение",
                "Планы мероприятий муниципалитетов по трём трекам: исполнение по трекам, муниципалитетам и школам, "
                        + "показатели против целей, показатели дорожной карты по годам и эффективность мер.",
                List.of(row(14, Cell.note("**Исполнение** считается на день загрузки файла плана: «просрочено» — не "
                                + "выполнено, а срок прошёл. План — файл, который муниципалитет вернул после "
                                + "`bin/orientir report --plan`. **Эффективность** — связь для обсуждения, не "
                                + "доказательство: школы получили меру не случайно. Методика — раздел 13.", 12)),
                        row(60, Cell.of(byTrack, 6), Cell.of(byMunicipality, 6)),
                        row(60, Cell.of(bySchool, 12)),
                        row(80, Cell.of(targets, 12)),
                        row(60, Cell.of(over, 7), Cell.of(heads, 5)),
                        row(50, Cell.of(effects("roadmap_effects"), 12))),
                List.of(new Filter("Муниципалитет", PLAN, "municipality")));
    }

    static Dashboard dataQuality() {
        Chart loads = chart("quality_loads", "Загрузки файлов: прочитано, загружено, в карантине", Viz.RAW_TABLE,
                META_LOAD, List.of("finished_at", "file", "kind_name", "status", "rows_read", "rows_loaded",
                        "rows_quarantined", "message"),
                List.of(), null, Map.of("order_by", List.of("finished_at DESC")));
        Chart rows = chart("quality_rows_by_kind", "Строки по видам файлов: загружено и в карантине", Viz.BAR,
                META_LOAD, List.of("kind_name"),
                List.of(new Metric("Загружено строк", "SUM(rows_loaded)", COUNT),
                        new Metric("В карантине строк", "SUM(rows_quarantined)", COUNT)),
                "status = 'loaded'", Map.of("stack", "Stack"));
        Chart reasons = chart("quality_quarantine_reasons", "Причины карантина", Viz.TABLE, META_QUARANTINE,
                List.of("field", "reason"), List.of(new Metric("Строк", "COUNT(*)", COUNT)), null, Map.of());
        Chart runs = chart("quality_freshness", "Свежесть: последние запуски конвейера", Viz.RAW_TABLE, META_RUN,
                List.of("finished_at", "status", "files_loaded", "files_failed", "rows_loaded", "rows_quarantined",
                        "marts_published", "error"),
                List.of(), null, Map.of("order_by", List.of("finished_at DESC")));
        Chart judged = chart("quality_results_judged", "Результаты по процедурам: оценено и мало участников", Viz.BAR,
                SCHOOL_RESULTS, List.of("year", "note"), List.of(new Metric("Школ × процедур", "COUNT(*)", COUNT)), null,
                Map.of("stack", "Stack",
                        "categories", List.of("маркер", "нет маркера", "мало участников", "нет участников")));
        Chart unrecognised = chart("quality_unrecognised_subjects", "Нераспознанные предметы: не сопоставлены с "
                        + "порогами, минимальными баллами и обязательными процедурами", Viz.RAW_TABLE,
                UNRECOGNISED_SUBJECTS, List.of("year", "procedure", "subject_as_written", "subject", "schools",
                        "file_rows", "reason"),
                List.of(), null, Map.of("order_by", List.of("year DESC", "file_rows DESC")));
        return new Dashboard("orientir-data-quality", "Качество данных",
                "Загрузки файлов, строки загруженные и отклонённые (карантин) с причинами, нераспознанные предметы, "
                        + "свежесть данных.",
                List.of(row(60, Cell.of(runs, 12)),
                        row(60, Cell.of(loads, 7), Cell.of(rows, 5)),
                        row(60, Cell.of(reasons, 7), Cell.of(judged, 5)),
                        row(50, Cell.of(unrecognised, 12))),
                List.of());
    }

    @SuppressWarnings("unchecked")
    private static Chart chart(String key, String title, Viz viz, Dataset dataset, List<String> columns,
                               List<Metric> metrics, String where, Map<String, Object> extra) {
        Map<String, Object> params = new LinkedHashMap<>(extra);
        List<String> orderBy = (List<String>) params.remove("order_by");
        List<String> categories = (List<String>) params.remove("categories");
        Object limit = params.remove("row_limit");
        int rowLimit = limit != null ? (Integer) limit : viz == Viz.RAW_TABLE || viz == Viz.PIVOT ? 10_000 : 1_000;
        return new Chart(key, title, viz, dataset, columns, metrics, where, orderBy == null ? List.of() : orderBy,
                rowLimit, categories == null ? List.of() : categories, params);
    }
}
