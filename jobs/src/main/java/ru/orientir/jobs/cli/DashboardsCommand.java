package ru.orientir.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import ru.orientir.dashboards.assets.AssetBundle;
import ru.orientir.dashboards.assets.OrientirDashboards;
import ru.orientir.dashboards.datasets.MartDatasets;
import ru.orientir.dashboards.superset.SupersetSync;
import ru.orientir.dashboards.superset.WarehouseForSuperset;
import ru.orientir.jobs.config.OrientirConfig;
import ru.orientir.warehouse.Warehouse;

@Command(name = "dashboards", mixinStandardHelpOptions = true,
        description = "Дашборды Apache Superset: создать или обновить их в Superset (sync) или записать пакет для "
                + "импорта (bundle).",
        subcommands = {DashboardsCommand.Sync.class, DashboardsCommand.Bundle.class})
public final class DashboardsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Создать или обновить в Superset по адресу SUPERSET_URL подключение к хранилищу, наборы данных, "
                    + "диаграммы, дашборды, роли муниципалитетов и их построчный доступ; повторный вызов ничего не "
                    + "дублирует.",
                    "Переменные окружения: SUPERSET_URL, SUPERSET_USERNAME, SUPERSET_PASSWORD или SUPERSET_PASSWORD_FILE; "
                            + "ORIENTIR_SUPERSET_DATABASE_URI, если Superset видит хранилище по другому адресу."})
    static final class Sync implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            OrientirConfig config = ConfigOption.forReading(spec.commandLine().getErr());
            var settings = config.superset().settings();
            if (settings.isEmpty()) {
                spec.commandLine().getErr().println("Superset не настроен: задайте SUPERSET_URL, SUPERSET_USERNAME и "
                        + "SUPERSET_PASSWORD (или SUPERSET_PASSWORD_FILE)");
                return 2;
            }
            try (Warehouse warehouse = Warehouse.openForReading(config.warehouse(), ConfigOption.READ_WAIT)) {
                SupersetSync.Result r = new SupersetSync(settings.get(), config.warehouse(), warehouse).run();
                out.println(r.summary(settings.get().url().toString()));
                r.dashboardIds().forEach((slug, id) ->
                        out.println("  " + settings.get().url() + "/superset/dashboard/" + slug + "/"));
            }
            return 0;
        }
    }

    @Command(name = "bundle", mixinStandardHelpOptions = true,
            description = "Записать пакет дашбордов (ZIP для импорта в Superset: POST /api/v1/assets/import/), не "
                    + "обращаясь к Superset.")
    static final class Bundle implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "ФАЙЛ", description = "Файл ZIP, который записать.")
        Path out;

        @Override
        public Integer call() throws Exception {
            OrientirConfig config = ConfigOption.forReading(spec.commandLine().getErr());
            WarehouseForSuperset target = WarehouseForSuperset.of(config.warehouse(),
                    config.superset().databaseUri(), config.superset().reader());
            try (Warehouse warehouse = Warehouse.openForReading(config.warehouse(), ConfigOption.READ_WAIT);
                 Connection c = warehouse.connection()) {
                AssetBundle bundle = new AssetBundle(new AssetBundle.Target(SupersetSync.DATABASE_NAME,
                        target.sqlalchemyUri(), target.schema(), SupersetSync.columnTypes(c, MartDatasets.provisioned())),
                        MartDatasets.provisioned(), OrientirDashboards.all());
                Files.write(out, bundle.zip());
            }
            spec.commandLine().getOut().println("Записан " + out.toAbsolutePath());
            return 0;
        }
    }
}
