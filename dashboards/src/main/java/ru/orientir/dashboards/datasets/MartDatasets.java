package ru.orientir.dashboards.datasets;

import java.util.ArrayList;
import java.util.List;

import ru.orientir.dashboards.datasets.Dataset.Column;

/**
 * The datasets dashboards are built on, with the labels analysts read: one per published mart, one per run-history
 * table, and the views (virtual datasets, SQL beside this class) that reshape marts for one chart. The test beside
 * this class keeps them in step with the warehouse schema.
 */
public final class MartDatasets {
    public static final Dataset LIST_TRANSITIONS = new Dataset("list_transitions", "Вход и выход из списка ШНОР", List.of(
            new Column("level", "Уровень"),
            new Column("list_year", "Год списка"),
            new Column("municipality", "Муниципалитет"),
            new Column("schools", "Школ"),
            new Column("on_list", "В списке"),
            new Column("entered", "Вошли"),
            new Column("first_time", "Впервые"),
            new Column("returning", "Повторно"),
            new Column("stayed", "Остались"),
            new Column("left", "Вышли"),
            new Column("share_on_list", "Доля в списке"),
            new Column("run_id", "Запуск")));

    public static final Dataset SCHOOL_STATUS = new Dataset("school_status", "Статус школ по годам", List.of(
            new Column("list_year", "Год списка"),
            new Column("school_id", "Код ОО"),
            new Column("school_name", "Школа"),
            new Column("municipality", "Муниципалитет"),
            new Column("on_list", "В списке"),
            new Column("status", "Переход"),
            new Column("consecutive_years", "Лет подряд в списке"),
            new Column("total_years", "Всего лет в списке"),
            new Column("cluster", "Кластер"),
            new Column("cluster_name", "Кластер (название)"),
            new Column("run_id", "Запуск")));

    public static final Dataset LIST_MEMBERSHIP = new Dataset("list_membership", "Членство в списке", List.of(
            new Column("list_year", "Год списка"),
            new Column("school_id", "Код ОО"),
            new Column("on_list", "В списке"),
            new Column("source", "Источник"),
            new Column("reasons", "Основания"),
            new Column("run_id", "Запуск")));

    public static final Dataset META_LOAD = new Dataset("meta_load", "Загрузки файлов", List.of(
            new Column("load_id", "Загрузка"),
            new Column("run_id", "Запуск"),
            new Column("file", "Файл"),
            new Column("kind", "Вид файла"),
            new Column("content_sha256", "Контрольная сумма"),
            new Column("started_at", "Начало"),
            new Column("finished_at", "Окончание"),
            new Column("rows_read", "Строк прочитано"),
            new Column("rows_loaded", "Строк загружено"),
            new Column("rows_quarantined", "Строк в карантине"),
            new Column("status", "Состояние"),
            new Column("message", "Сообщение")));

    public static final Dataset META_QUARANTINE = new Dataset("meta_quarantine", "Карантин: отклонённые строки", List.of(
            new Column("load_id", "Загрузка"),
            new Column("file", "Файл"),
            new Column("line", "Строка файла"),
            new Column("field", "Поле"),
            new Column("reason", "Причина"),
            new Column("raw", "Исходная строка")));

    public static final Dataset META_RUN = new Dataset("meta_run", "Запуски конвейера", List.of(
            new Column("run_id", "Запуск"),
            new Column("command", "Команда"),
            new Column("started_at", "Начало"),
            new Column("finished_at", "Окончание"),
            new Column("status", "Состояние"),
            new Column("files_seen", "Файлов найдено"),
            new Column("files_loaded", "Файлов загружено"),
            new Column("files_skipped", "Файлов пропущено"),
            new Column("files_failed", "Файлов с ошибкой"),
            new Column("rows_read", "Строк прочитано"),
            new Column("rows_loaded", "Строк загружено"),
            new Column("rows_quarantined", "Строк в карантине"),
            new Column("marts_published", "Опубликованные витрины"),
            new Column("error", "Ошибка"),
            new Column("triggered_by", "Как запущен"),
            new Column("executions", "Попыток"),
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
            new Column("schools", "Школ"),
            new Column("on_list", "В списке"),
            new Column("prev_on_list", "В списке годом ранее"),
            new Column("entered", "Вошли"),
            new Column("first_time", "Впервые"),
            new Column("returning", "Повторно"),
            new Column("stayed", "Остались"),
            new Column("left", "Вышли"),
            new Column("share_on_list", "Доля в списке")));

    /** Schools ever on the list, with a "+"/"−" mark for every list year (the tables regions publish). */
    public static final Dataset MEMBERSHIP_YEARS = Dataset.view("v_membership_years", "Членство школ в списке по годам",
            List.of(new Column("list_year", "Год списка"),
                    new Column("municipality", "Муниципалитет"),
                    new Column("school_id", "Код ОО"),
                    new Column("school_name", "Школа"),
                    new Column("mark", "В списке (+/−)"),
                    new Column("on_list_flag", "В списке (1/0)")));

    /** school_status with Russian words for the status and membership, for tables analysts read. */
    public static final Dataset SCHOOL_YEARS = Dataset.view("v_school_years", "Школы по годам списка", List.of(
            new Column("list_year", "Год списка"),
            new Column("municipality", "Муниципалитет"),
            new Column("school_id", "Код ОО"),
            new Column("school_name", "Школа"),
            new Column("on_list_label", "В списке"),
            new Column("status_label", "Переход"),
            new Column("consecutive_years", "Лет подряд в списке"),
            new Column("total_years", "Всего лет в списке"),
            new Column("cluster_name", "Кластер"),
            new Column("on_list", "В списке (логическое)"),
            new Column("status", "Переход (код)")));

    private MartDatasets() {
    }

    /** The published marts. */
    public static List<Dataset> all() {
        return List.of(LIST_TRANSITIONS, SCHOOL_STATUS, LIST_MEMBERSHIP);
    }

    /** The run-history tables the data-quality dashboard reads. */
    public static List<Dataset> history() {
        return List.of(META_LOAD, META_QUARANTINE, META_RUN);
    }

    public static List<Dataset> views() {
        return List.of(YEAR_FLOWS, REGION_DYNAMICS, MEMBERSHIP_YEARS, SCHOOL_YEARS);
    }

    /** Every dataset provisioned into Superset. */
    public static List<Dataset> provisioned() {
        List<Dataset> all = new ArrayList<>(all());
        all.addAll(history());
        all.addAll(views());
        return List.copyOf(all);
    }
}
