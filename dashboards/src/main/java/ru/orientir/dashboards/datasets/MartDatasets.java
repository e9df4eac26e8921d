package ru.orientir.dashboards.datasets;

import java.util.List;

import ru.orientir.dashboards.datasets.Dataset.Column;

/**
 * The datasets dashboards are built on, one per published mart, with the labels analysts read. Provisioning into
 * Superset over its REST API builds on these (the dashboards issue); the test beside this class keeps them in step
 * with the warehouse schema.
 */
public final class MartDatasets {
    private MartDatasets() {
    }

    public static List<Dataset> all() {
        return List.of(
                new Dataset("list_transitions", "Вход и выход из списка ШНОР", List.of(
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
                        new Column("run_id", "Запуск"))),
                new Dataset("school_status", "Статус школ по годам", List.of(
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
                        new Column("run_id", "Запуск"))),
                new Dataset("list_membership", "Членство в списке", List.of(
                        new Column("list_year", "Год списка"),
                        new Column("school_id", "Код ОО"),
                        new Column("on_list", "В списке"),
                        new Column("source", "Источник"),
                        new Column("reasons", "Основания"),
                        new Column("run_id", "Запуск"))));
    }
}
