package ru.orientir.dashboards.assets;

import static ru.orientir.dashboards.assets.Dashboard.row;
import static ru.orientir.dashboards.datasets.MartDatasets.LIST_TRANSITIONS;
import static ru.orientir.dashboards.datasets.MartDatasets.MEMBERSHIP_YEARS;
import static ru.orientir.dashboards.datasets.MartDatasets.META_LOAD;
import static ru.orientir.dashboards.datasets.MartDatasets.META_QUARANTINE;
import static ru.orientir.dashboards.datasets.MartDatasets.META_RUN;
import static ru.orientir.dashboards.datasets.MartDatasets.REGION_DYNAMICS;
import static ru.orientir.dashboards.datasets.MartDatasets.SCHOOL_STATUS;
import static ru.orientir.dashboards.datasets.MartDatasets.SCHOOL_YEARS;
import static ru.orientir.dashboards.datasets.MartDatasets.YEAR_FLOWS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.orientir.dashboards.assets.Chart.Viz;
import ru.orientir.dashboards.assets.Dashboard.Cell;
import ru.orientir.dashboards.assets.Dashboard.Filter;
import ru.orientir.dashboards.datasets.Dataset;

/**
 * Orientir's dashboards, defined over the marts that exist today. Dashboards that need results, markers, risk profiles,
 * ИСБ and resilience («Профиль школы», «Рисковые профили», «Резильентность») and the results-gap chart of the
 * ministry's dashboard come with the analytics marts; nothing here reads a table that is not published.
 */
public final class OrientirDashboards {
    private static final String REGION = "level = 'region'";
    private static final String MUNICIPALITY = "level = 'municipality'";

    private static final Metric ON_LIST = new Metric("В списке", "SUM(on_list)");
    private static final Metric ENTERED = new Metric("Вошли", "SUM(entered)");
    private static final Metric FIRST_TIME = new Metric("Вошли впервые", "SUM(first_time)");
    private static final Metric RETURNING = new Metric("Вернулись", "SUM(\"returning\")");
    private static final Metric STAYED = new Metric("Остались", "SUM(stayed)");
    private static final Metric LEFT = new Metric("Вышли", "SUM(\"left\")");
    private static final Metric SHARE = new Metric("Доля школ в списке",
            "SUM(on_list) * 1.0 / NULLIF(SUM(schools), 0)");
    private static final Metric EXIT_RATE = new Metric("Доля вышедших (от списка прошлого года)",
            "SUM(\"left\") * 1.0 / NULLIF(SUM(prev_on_list), 0)");
    private static final Metric RETURNING_RATE = new Metric("Доля вернувшихся среди вошедших",
            "SUM(\"returning\") * 1.0 / NULLIF(SUM(entered), 0)");
    private static final Metric SCHOOLS = new Metric("Школ", "COUNT(*)");

    private OrientirDashboards() {
    }

    public static List<Dashboard> all() {
        return List.of(entryExit(), municipalities(), ministry(), dataQuality());
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
                List.of(new Metric("В списке", "MAX(mark)")), null,
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
                Map.of("y_axis_format", ".0%", "x_axis_title", "Год списка"));
        Chart bars = chart("municipality_share_bar", "Доля школ в списке по муниципалитетам", Viz.BAR, LIST_TRANSITIONS,
                List.of("municipality"), List.of(SHARE), MUNICIPALITY,
                Map.of("y_axis_format", ".0%", "orientation", "horizontal", "show_value", false));
        Chart table = chart("municipality_transitions_table", "Муниципалитеты: школы, список и переходы по годам",
                Viz.TABLE, LIST_TRANSITIONS, List.of("municipality", "list_year"),
                List.of(new Metric("Школ", "SUM(schools)"), ON_LIST, SHARE, ENTERED, STAYED, LEFT), MUNICIPALITY,
                Map.of("order_desc", false, "sort_by", "MIN(list_year)"));
        Chart schools = chart("municipality_schools", "Школы муниципалитета: статус в списке по годам", Viz.RAW_TABLE,
                SCHOOL_YEARS, List.of("municipality", "list_year", "school_id", "school_name", "on_list_label",
                        "status_label", "consecutive_years", "total_years", "cluster_name"),
                List.of(), "on_list OR status = 'left'",
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
                List.of("list_year"), List.of(EXIT_RATE, RETURNING_RATE), null, Map.of("y_axis_format", ".0%"));
        Chart flows = chart("ministry_entered_left", "Вошли и вышли по годам", Viz.BAR, REGION_DYNAMICS,
                List.of("list_year"), List.of(ENTERED, LEFT), null, Map.of());
        Chart table = chart("ministry_yoy_table", "Год к году: размер списка, вход, выход, возврат", Viz.TABLE,
                REGION_DYNAMICS, List.of("list_year"),
                List.of(ON_LIST, new Metric("Изменение к прошлому году", "SUM(on_list) - SUM(prev_on_list)"),
                        ENTERED, LEFT, EXIT_RATE, RETURNING_RATE, SHARE),
                null, Map.of("order_desc", false, "sort_by", "MIN(list_year)"));
        return new Dashboard("shnor-ministry-dynamics", "Динамика для министерства",
                "Год к году: размер списка ШНОР, доля вышедших, доля вернувшихся.",
                List.of(row(60, Cell.of(size, 6), Cell.of(rates, 6)),
                        row(60, Cell.of(flows, 6), Cell.of(table, 6)),
                        row(14, Cell.note("**Разрыв в результатах между школами списка и остальными** появится здесь, "
                                + "когда в хранилище будут загружены результаты оценочных процедур (витрины "
                                + "результатов ещё не опубликованы — нет данных).", 12))),
                List.of());
    }

    static Dashboard dataQuality() {
        Chart loads = chart("quality_loads", "Загрузки файлов: прочитано, загружено, в карантине", Viz.RAW_TABLE,
                META_LOAD, List.of("finished_at", "file", "kind", "status", "rows_read", "rows_loaded",
                        "rows_quarantined", "message"),
                List.of(), null, Map.of("order_by", List.of("finished_at DESC")));
        Chart rows = chart("quality_rows_by_kind", "Строки по видам файлов: загружено и в карантине", Viz.BAR,
                META_LOAD, List.of("kind"),
                List.of(new Metric("Загружено строк", "SUM(rows_loaded)"),
                        new Metric("В карантине строк", "SUM(rows_quarantined)")),
                "status = 'loaded'", Map.of("stack", "Stack"));
        Chart reasons = chart("quality_quarantine_reasons", "Причины карантина", Viz.TABLE, META_QUARANTINE,
                List.of("field", "reason"), List.of(new Metric("Строк", "COUNT(*)")), null, Map.of());
        Chart runs = chart("quality_freshness", "Свежесть: последние запуски конвейера", Viz.RAW_TABLE, META_RUN,
                List.of("finished_at", "status", "files_loaded", "files_failed", "rows_loaded", "rows_quarantined",
                        "marts_published", "error"),
                List.of(), null, Map.of("order_by", List.of("finished_at DESC")));
        return new Dashboard("orientir-data-quality", "Качество данных",
                "Загрузки файлов, строки загруженные и отклонённые (карантин) с причинами, свежесть данных.",
                List.of(row(60, Cell.of(runs, 12)),
                        row(60, Cell.of(loads, 7), Cell.of(rows, 5)),
                        row(60, Cell.of(reasons, 12))),
                List.of());
    }

    @SuppressWarnings("unchecked")
    private static Chart chart(String key, String title, Viz viz, Dataset dataset, List<String> columns,
                               List<Metric> metrics, String where, Map<String, Object> extra) {
        Map<String, Object> params = new LinkedHashMap<>(extra);
        List<String> orderBy = (List<String>) params.remove("order_by");
        int rowLimit = viz == Viz.RAW_TABLE || viz == Viz.PIVOT ? 10_000 : 1_000;
        return new Chart(key, title, viz, dataset, columns, metrics, where, orderBy == null ? List.of() : orderBy,
                rowLimit, params);
    }
}
