package ru.orientir.dashboards.datasets;

import static ru.orientir.dashboards.datasets.NumberFormat.COUNT;
import static ru.orientir.dashboards.datasets.NumberFormat.DECIMAL;
import static ru.orientir.dashboards.datasets.NumberFormat.INDEX;
import static ru.orientir.dashboards.datasets.NumberFormat.ISB;
import static ru.orientir.dashboards.datasets.NumberFormat.MARK;
import static ru.orientir.dashboards.datasets.NumberFormat.PERCENT;

import java.util.ArrayList;
import java.util.List;

import ru.orientir.dashboards.datasets.Dataset.Column;

/**
 * The datasets dashboards are built on, with the labels analysts read: one per published mart, one per run-history
 * table, and one per presentation view of the warehouse (the views that reshape marts for charts, migrated on both
 * engines). The test beside this class keeps them in step with the warehouse schema.
 */
public final class MartDatasets {
    public static final Dataset LIST_TRANSITIONS = new Dataset("list_transitions", "Вход и выход из списка ШНОР", List.of(
            new Column("level", "Уровень"),
            new Column("list_year", "Год списка"),
            new Column("municipality", "Муниципалитет"),
            new Column("schools", "Школ", COUNT),
            new Column("on_list", "В списке", COUNT),
            new Column("entered", "Вошли", COUNT),
            new Column("first_time", "Впервые", COUNT),
            new Column("returning", "Повторно", COUNT),
            new Column("stayed", "Остались", COUNT),
            new Column("left", "Вышли", COUNT),
            new Column("share_on_list", "Доля в списке", PERCENT),
            new Column("no_data", "Нет данных", COUNT),
            new Column("run_id", "Запуск"),
            new Column("region", "Регион (код субъекта)")));

    public static final Dataset SCHOOL_STATUS = new Dataset("school_status", "Статус школ по годам", List.of(
            new Column("list_year", "Год списка"),
            new Column("school_id", "Код ОО"),
            new Column("school_name", "Школа"),
            new Column("municipality", "Муниципалитет"),
            new Column("on_list", "В списке"),
            new Column("status", "Переход"),
            new Column("consecutive_years", "Лет подряд в списке", COUNT),
            new Column("total_years", "Всего лет в списке", COUNT),
            new Column("cluster", "Кластер"),
            new Column("cluster_name", "Кластер (название)"),
            new Column("cluster_reason", "Основание кластера"),
            new Column("no_data_reason", "Почему нет данных"),
            new Column("shnor_shnsu", "ШНОР и ШНСУ (программа)"),
            new Column("run_id", "Запуск"),
            new Column("region", "Регион (код субъекта)")));

    public static final Dataset LIST_MEMBERSHIP = new Dataset("list_membership", "Членство в списке", List.of(
            new Column("list_year", "Год списка"),
            new Column("school_id", "Код ОО"),
            new Column("on_list", "В списке"),
            new Column("source", "Источник"),
            new Column("reasons", "Основания"),
            new Column("rule", "Правило списка"),
            new Column("procedures", "Процедуры с маркерами"),
            new Column("severity", "Степень неуспешности"),
            new Column("results_year", "Год результатов"),
            new Column("rule_b_undecided", "Правило (б) не применено"),
            new Column("severity_note", "Примечание о степени"),
            new Column("run_id", "Запуск"),
            new Column("region", "Регион (код субъекта)")));

    /** docs/methodology.md §1.5: subjects no rule recognises, per assessment year, procedure and spelling in the files. */
    public static final Dataset UNRECOGNISED_SUBJECTS = new Dataset("unrecognised_subjects", "Нераспознанные предметы",
            List.of(new Column("year", "Год"),
                    new Column("procedure", "Процедура"),
                    new Column("subject_as_written", "Предмет как в файле"),
                    new Column("subject", "Нормализованное название"),
                    new Column("schools", "Школ", COUNT),
                    new Column("file_rows", "Строк", COUNT),
                    new Column("reason", "Причина"),
                    new Column("run_id", "Запуск"),
            new Column("region", "Регион (код субъекта)")));

    public static final Dataset META_LOAD = new Dataset("meta_load", "Загрузки файлов", List.of(
            new Column("load_id", "Загрузка"),
            new Column("run_id", "Запуск"),
            new Column("file", "Файл"),
            new Column("kind", "Вид файла (код)"),
            new Column("content_sha256", "Контрольная сумма"),
            new Column("started_at", "Начало"),
            new Column("finished_at", "Окончание"),
            new Column("rows_read", "Строк прочитано", COUNT),
            new Column("rows_loaded", "Строк загружено", COUNT),
            new Column("rows_quarantined", "Строк в карантине", COUNT),
            new Column("status", "Состояние"),
            new Column("message", "Сообщение"),
            new Column("kind_name", "Вид файла")));

    public static final Dataset META_QUARANTINE = new Dataset("meta_quarantine", "Карантин: отклонённые строки", List.of(
            new Column("load_id", "Загрузка"),
            new Column("file", "Файл"),
            new Column("line", "Строка файла", COUNT),
            new Column("field", "Поле"),
            new Column("reason", "Причина"),
            new Column("raw", "Исходная строка")));

    public static final Dataset META_RUN = new Dataset("meta_run", "Запуски конвейера", List.of(
            new Column("run_id", "Запуск"),
            new Column("command", "Команда"),
            new Column("started_at", "Начало"),
            new Column("finished_at", "Окончание"),
            new Column("status", "Состояние"),
            new Column("files_seen", "Файлов найдено", COUNT),
            new Column("files_loaded", "Файлов загружено", COUNT),
            new Column("files_skipped", "Файлов пропущено", COUNT),
            new Column("files_failed", "Файлов с ошибкой", COUNT),
            new Column("rows_read", "Строк прочитано", COUNT),
            new Column("rows_loaded", "Строк загружено", COUNT),
            new Column("rows_quarantined", "Строк в карантине", COUNT),
            new Column("marts_published", "Опубликованные витрины"),
            new Column("error", "Ошибка"),
            new Column("triggered_by", "Как запущен"),
            new Column("executions", "Попыток", COUNT),
            new Column("resumed_from", "Продолжен с шага"),
            new Column("config_json", "Конфигурация")));

    /** Flows of schools between consecutive list years (for the Sankey chart); off-list both years left out. */
    public static final Dataset YEAR_FLOWS = Dataset.view("v_year_flows", "Переходы между годами списка", List.of(
            new Column("list_year", "Год списка"),
            new Column("municipality", "Муниципалитет"),
            new Column("school_id", "Код ОО"),
            new Column("source", "Из"),
            new Column("target", "В")));

    /** The region's list year by year beside the previous year's size, for exit and returning rates. */
    public static final Dataset REGION_DYNAMICS = Dataset.view("v_region_dynamics", "Динамика списка ШНОР по региону", List.of(
            new Column("list_year", "Год списка"),
            new Column("schools", "Школ", COUNT),
            new Column("on_list", "В списке", COUNT),
            new Column("prev_on_list", "В списке годом ранее", COUNT),
            new Column("entered", "Вошли", COUNT),
            new Column("first_time", "Впервые", COUNT),
            new Column("returning", "Повторно", COUNT),
            new Column("stayed", "Остались", COUNT),
            new Column("left", "Вышли", COUNT),
            new Column("share_on_list", "Доля в списке", PERCENT),
            new Column("region", "Регион (код субъекта)")));

    /**
     * The federal comparison: each region's list year by year — size, entries, exits, the results gap between the
     * list's schools and the rest, the share of ШНСУ (docs/methodology.md, «Несколько регионов в одном хранилище»).
     */
    public static final Dataset FEDERAL_DYNAMICS = Dataset.view("v_federal_dynamics", "Регионы: список ШНОР год к году",
            List.of(new Column("region", "Регион (код субъекта)"),
                    new Column("list_year", "Год списка"),
                    new Column("schools", "Школ", COUNT),
                    new Column("on_list", "В списке", COUNT),
                    new Column("entered", "Вошли", COUNT),
                    new Column("left", "Вышли", COUNT),
                    new Column("share_on_list", "Доля в списке", PERCENT),
                    new Column("results_gap", "Разрыв доли «2» (список − остальные)", PERCENT),
                    new Column("result_index_gap", "Разрыв по индексу результатов (список − остальные)", INDEX),
                    new Column("shnsu_share", "Доля ШНСУ среди школ", PERCENT),
                    new Column("shnsu_on_list_share", "Доля ШНСУ среди школ списка", PERCENT)));

    /** Schools ever on the list, with a "+"/"−" mark for every list year (the tables regions publish). */
    public static final Dataset MEMBERSHIP_YEARS = Dataset.view("v_membership_years", "Членство школ в списке по годам",
            List.of(new Column("list_year", "Год списка"),
                    new Column("municipality", "Муниципалитет"),
                    new Column("school_id", "Код ОО"),
                    new Column("school_name", "Школа"),
                    new Column("mark", "В списке (+/−)"),
                    new Column("on_list_flag", "В списке (1/0)", COUNT)));

    /** school_status with Russian words for the status and membership, and the membership's evidence, for tables. */
    public static final Dataset SCHOOL_YEARS = Dataset.view("v_school_years", "Школы по годам списка", List.of(
            new Column("list_year", "Год списка"),
            new Column("municipality", "Муниципалитет"),
            new Column("school_id", "Код ОО"),
            new Column("school_name", "Школа"),
            new Column("school", "Школа (код — название)"),
            new Column("on_list_label", "В списке"),
            new Column("status_label", "Переход"),
            new Column("consecutive_years", "Лет подряд в списке", COUNT),
            new Column("total_years", "Всего лет в списке", COUNT),
            new Column("cluster_name", "Кластер"),
            new Column("cluster_reason", "Основание кластера"),
            new Column("source_label", "Источник списка"),
            new Column("rule_label", "Правило"),
            new Column("procedures", "Процедуры с маркерами"),
            new Column("severity_label", "Степень неуспешности"),
            new Column("results_year", "Год результатов"),
            new Column("on_list", "В списке (логическое)"),
            new Column("status", "Переход (код)"),
            new Column("shnor_shnsu_label", "ШНОР и ШНСУ (программа)"),
            new Column("status_word", "Переход (кратко)"),
            new Column("cluster", "Кластер (номер)"),
            new Column("no_data_reason", "Почему нет данных"),
            new Column("shnor_shnsu", "ШНОР и ШНСУ (логическое)")));

    /** school_year_markers per school, assessment year and procedure, with the school's municipality. */
    public static final Dataset SCHOOL_RESULTS = Dataset.view("v_school_results", "Результаты школ по процедурам",
            List.of(new Column("year", "Год результатов"),
                    new Column("municipality", "Муниципалитет"),
                    new Column("school_id", "Код ОО"),
                    new Column("school_name", "Школа"),
                    new Column("school", "Школа (код — название)"),
                    new Column("procedure_name", "Оценочная процедура"),
                    new Column("procedure", "Вид процедуры"),
                    new Column("participants", "Участников", COUNT),
                    new Column("share_low", "Доля «2» / ниже минимума", PERCENT),
                    new Column("threshold", "Порог: доля «2» / ниже минимума", PERCENT),
                    new Column("mean_result", "Средний результат", MARK),
                    new Column("marker_label", "Маркер"),
                    new Column("marker_flag", "Маркер (1/0)", COUNT),
                    new Column("note", "Примечание")));

    /** risk_profile with the level as a score (3/2/1, «нет данных» empty) and the source in words. */
    public static final Dataset RISK_PROFILE = Dataset.view("v_risk_profile", "Профили рисков школ", List.of(
            new Column("year", "Год"),
            new Column("municipality", "Муниципалитет"),
            new Column("school_id", "Код ОО"),
            new Column("school_name", "Школа"),
            new Column("school", "Школа (код — название)"),
            new Column("risk", "Риск"),
            new Column("level", "Уровень риска"),
            new Column("level_score", "Уровень (3 высокий, 2 средний, 1 низкий)", COUNT),
            new Column("source", "Источник (код)"),
            new Column("source_label", "Источник"),
            new Column("evidence", "Основание"),
            new Column("is_latest", "Последний год (1/0)", COUNT)));

    /** resilience with the school's group (резильентные, выше ожидаемого, остальные) for the scatter legend. */
    public static final Dataset RESILIENCE = Dataset.view("v_resilience", "Резильентность школ", List.of(
            new Column("year", "Год результатов"),
            new Column("municipality", "Муниципалитет"),
            new Column("school_id", "Код ОО"),
            new Column("school_name", "Школа"),
            new Column("school", "Школа (код — название)"),
            new Column("isb", "ИСБ", ISB),
            new Column("result_index", "Индекс результатов", INDEX),
            new Column("residual", "Отклонение от ожидаемого", INDEX),
            new Column("std_residual", "Стандартизованное отклонение", INDEX),
            new Column("resilience_group", "Группа"),
            new Column("training_site_label", "Кандидат в стажировочные площадки"),
            new Column("training_site_flag", "Кандидат (1/0)", COUNT),
            new Column("training_site_reason", "Почему кандидат"),
            new Column("is_latest", "Последний год (1/0)", COUNT)));

    /** Each school's status in list year Y beside its results of Y − 1, for the gap between list schools and the rest. */
    public static final Dataset LIST_GAP = Dataset.view("v_list_gap", "Результаты школ списка и остальных", List.of(
            new Column("list_year", "Год списка"),
            new Column("municipality", "Муниципалитет"),
            new Column("school_id", "Код ОО"),
            new Column("group_label", "Группа школ"),
            new Column("on_list_flag", "В списке (1/0)", COUNT),
            new Column("result_index", "Индекс результатов (год до списка)", INDEX),
            new Column("share_low", "Средняя доля «2» / ниже минимума (год до списка)", PERCENT)));

    /** Each school's latest context row. */
    public static final Dataset SCHOOL_CONTEXT = Dataset.view("v_school_context", "Контекст школ (последний год)",
            List.of(new Column("year", "Год"),
                    new Column("municipality", "Муниципалитет"),
                    new Column("school_id", "Код ОО"),
                    new Column("school_name", "Школа"),
                    new Column("school", "Школа (код — название)"),
                    new Column("settlement_population", "Население пункта", COUNT),
                    new Column("distance_km", "До регионального центра, км", DECIMAL),
                    new Column("direct_transport", "Прямое транспортное сообщение"),
                    new Column("internet", "Интернет"),
                    new Column("computers_per_100", "Компьютеров на 100 обучающихся", DECIMAL),
                    new Column("parents_higher_education_share", "Доля родителей с высшим образованием", PERCENT),
                    new Column("unemployed_parents_share", "Доля безработных родителей", PERCENT),
                    new Column("low_income_share", "Доля малоимущих семей", PERCENT),
                    new Column("non_native_russian_share", "Доля с неродным русским", PERCENT),
                    new Column("ovz_share", "Доля обучающихся с ОВЗ", PERCENT)));

    /** Each school's latest staffing row, with the shares the staffing risks read. */
    public static final Dataset SCHOOL_STAFFING = Dataset.view("v_school_staffing", "Кадры школ (последний год)",
            List.of(new Column("year", "Год"),
                    new Column("municipality", "Муниципалитет"),
                    new Column("school_id", "Код ОО"),
                    new Column("school_name", "Школа"),
                    new Column("school", "Школа (код — название)"),
                    new Column("students", "Обучающихся", COUNT),
                    new Column("staff", "Педагогических работников", COUNT),
                    new Column("teachers", "Учителей", COUNT),
                    new Column("vacancies", "Вакансий", COUNT),
                    new Column("teachers_pension_age", "Учителей пенсионного возраста", COUNT),
                    new Column("pension_share", "Доля пенсионного возраста", PERCENT),
                    new Column("teachers_without_training", "Без профильной подготовки", COUNT),
                    new Column("untrained_share", "Доля без профильной подготовки", PERCENT),
                    new Column("avg_load", "Средняя нагрузка, ч", DECIMAL),
                    new Column("head_changed", "Смена руководства в году")));

    /** docs/methodology.md §9: the forecast for the next list year with the school's name and municipality. */
    public static final Dataset EARLY_WARNING = Dataset.view("v_early_warning", "Раннее предупреждение", List.of(
            new Column("list_year", "Год списка (прогноз)"),
            new Column("municipality", "Муниципалитет"),
            new Column("school_id", "Код ОО"),
            new Column("school_name", "Школа"),
            new Column("school", "Школа (код — название)"),
            new Column("probability", "Вероятность войти в список", PERCENT),
            new Column("rank", "Место по риску", COUNT),
            new Column("band", "Группа риска"),
            new Column("factors", "Главные факторы"),
            new Column("risk_zone_label", "Зона риска (кластер 4)"),
            new Column("recommended_label", "Рекомендуется наблюдать"),
            new Column("recommended_flag", "Рекомендуется (1/0)", COUNT),
            new Column("method", "Чей список рекомендуется"),
            new Column("note", "Почему нет вероятности")));

    /** The backtest per list year, the region's figures repeated for each municipality (so RLS keeps them readable). */
    public static final Dataset EARLY_WARNING_BACKTEST = Dataset.view("v_early_warning_backtest",
            "Раннее предупреждение: проверка на прошлых годах", List.of(
                    new Column("list_year", "Проверяемый год списка"),
                    new Column("municipality", "Муниципалитет"),
                    new Column("k", "Вошли в список (k)", COUNT),
                    new Column("recall_at_k", "Модель: доля вошедших среди k первых", PERCENT),
                    new Column("auc", "AUC модели", INDEX),
                    new Column("baseline_recall_at_k", "Правило зоны риска: доля вошедших среди k", PERCENT),
                    new Column("candidates", "Проверено школ", COUNT),
                    new Column("baseline_flagged", "Отмечено правилом", COUNT),
                    new Column("training_years", "Лет обучения", COUNT),
                    new Column("note", "Почему год не проверен")));

    /** The backtest's held-out predictions by decile: predicted against observed. */
    public static final Dataset EARLY_WARNING_CALIBRATION = Dataset.view("v_early_warning_calibration",
            "Раннее предупреждение: калибровка", List.of(
                    new Column("decile", "Дециль прогноза", COUNT),
                    new Column("municipality", "Муниципалитет"),
                    new Column("schools", "Школ", COUNT),
                    new Column("predicted", "Предсказанная вероятность", PERCENT),
                    new Column("observed", "Доля вошедших", PERCENT)));

    /** docs/methodology.md §13.4: the returned plans' measures with their state as of the day they were loaded. */
    public static final Dataset PLAN = Dataset.view("v_plan", "План мероприятий: исполнение", List.of(
            new Column("municipality", "Муниципалитет"),
            new Column("list_year", "Год списка (плана)"),
            new Column("track", "Трек", COUNT),
            new Column("track_label", "Трек (название)"),
            new Column("measure", "Мероприятие"),
            new Column("measure_type", "Тип меры"),
            new Column("schools", "Школы (коды)"),
            new Column("deadline", "Срок"),
            new Column("owner", "Ответственный"),
            new Column("indicator", "Показатель"),
            new Column("baseline", "Базовое значение", MARK),
            new Column("target", "Целевое значение", MARK),
            new Column("actual", "Фактическое значение", MARK),
            new Column("status", "Статус (как в файле)"),
            new Column("reported_on", "Дата загрузки плана"),
            new Column("state", "Исполнение"),
            new Column("target_met", "Цель достигнута (1/0)", COUNT),
            new Column("file", "Файл плана")));

    /** Each measure once per school it names. */
    public static final Dataset PLAN_SCHOOLS = Dataset.view("v_plan_schools", "План мероприятий по школам", List.of(
            new Column("municipality", "Муниципалитет"),
            new Column("list_year", "Год списка (плана)"),
            new Column("track", "Трек", COUNT),
            new Column("track_label", "Трек (название)"),
            new Column("school_id", "Код ОО"),
            new Column("school_name", "Школа"),
            new Column("school", "Школа (код — название)"),
            new Column("measure", "Мероприятие"),
            new Column("measure_type", "Тип меры"),
            new Column("deadline", "Срок"),
            new Column("state", "Исполнение"),
            new Column("target_met", "Цель достигнута (1/0)", COUNT)));

    /** The roadmap indicators per school and year. */
    public static final Dataset ROADMAP = Dataset.view("v_roadmap", "Показатели дорожной карты", List.of(
            new Column("year", "Год"),
            new Column("municipality", "Муниципалитет"),
            new Column("school_id", "Код ОО"),
            new Column("school_name", "Школа"),
            new Column("curator_assigned", "Куратор назначен (1/0)", COUNT),
            new Column("iom_share", "Доля обучающихся группы риска с ИОМ", PERCENT),
            new Column("training_share", "Доля педагогов с повышением квалификации", PERCENT),
            new Column("antirisk_programme", "Антирисковая программа принята (1/0)", COUNT),
            new Column("head_self_score", "Самооценка компетенций руководителя", DECIMAL),
            new Column("head_external_score", "Внешняя оценка компетенций руководителя", DECIMAL)));

    /** docs/methodology.md §13.5: the measures' effects, the region's figures repeated for each municipality. */
    public static final Dataset MEASURE_EFFECTS = Dataset.view("v_measure_effects", "Эффективность мер плана", List.of(
            new Column("list_year", "Год списка (плана)"),
            new Column("municipality", "Муниципалитет"),
            new Column("track", "Трек", COUNT),
            new Column("track_label", "Трек (название)"),
            new Column("measure_type", "Тип меры (код)"),
            new Column("measure_label", "Тип меры"),
            new Column("treated", "Школ с мерой", COUNT),
            new Column("controls", "Сопоставимых школ", COUNT),
            new Column("treated_change", "Изменение доли «2»: школы с мерой", PERCENT),
            new Column("control_change", "Изменение доли «2»: сопоставимые школы", PERCENT),
            new Column("effect", "Разница изменений доли «2»", PERCENT),
            new Column("ci_low", "Нижняя граница 95 % разницы доли «2»", PERCENT),
            new Column("ci_high", "Верхняя граница 95 % разницы доли «2»", PERCENT),
            new Column("note", "Как читать")));

    private MartDatasets() {
    }

    /** The published marts. */
    public static List<Dataset> all() {
        return List.of(LIST_TRANSITIONS, SCHOOL_STATUS, LIST_MEMBERSHIP, UNRECOGNISED_SUBJECTS);
    }

    /** The run-history tables the data-quality dashboard reads. */
    public static List<Dataset> history() {
        return List.of(META_LOAD, META_QUARANTINE, META_RUN);
    }

    public static List<Dataset> views() {
        return List.of(YEAR_FLOWS, REGION_DYNAMICS, FEDERAL_DYNAMICS, MEMBERSHIP_YEARS, SCHOOL_YEARS, SCHOOL_RESULTS, RISK_PROFILE,
                RESILIENCE, LIST_GAP, SCHOOL_CONTEXT, SCHOOL_STAFFING, EARLY_WARNING, EARLY_WARNING_BACKTEST,
                EARLY_WARNING_CALIBRATION, PLAN, PLAN_SCHOOLS, ROADMAP, MEASURE_EFFECTS);
    }

    /** Every dataset provisioned into Superset. */
    public static List<Dataset> provisioned() {
        List<Dataset> all = new ArrayList<>(all());
        all.addAll(history());
        all.addAll(views());
        return List.copyOf(all);
    }
}
