package ru.orientir.jobs.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import ru.orientir.jobs.config.OrientirConfig;
import ru.orientir.warehouse.Warehouse;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Показать последние запуски и загрузки файлов: итог, число файлов и строк, шаги и их время. "
                + "Время — местное: часовой пояс schedule.zone из orientir.yml, если он задан, иначе пояс компьютера.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "10", paramLabel = "ЧИСЛО", description = "Сколько последних запусков и загрузок показать "
            + "(по умолчанию ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        OrientirConfig config = ConfigOption.forReading(spec.commandLine().getErr());
        LocalTimes times = new LocalTimes(config.displayZone());
        try (Warehouse warehouse = Warehouse.openForReading(config.warehouse(), ConfigOption.READ_WAIT);
             Connection c = warehouse.connection()) {
            new StatusReport(times).print(c, limit, out);
        }
        return 0;
    }
}
