package ru.orientir.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import ru.orientir.etl.ingest.FileKind;
import ru.orientir.jobs.pipeline.Pipeline;
import ru.orientir.jobs.pipeline.RunReport;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Выполнить конвейер один раз над папкой входящих файлов: приём файлов → снимок → аналитика → "
                + "публикация витрин в хранилище (настроенное в warehouse.url, иначе ORIENTIR_HOME/warehouse.duckdb).",
                "Коды завершения: 0 — успешно, 1 — запуск не выполнен, 3 — запуск завершён, но часть файлов не загружена."})
public final class RunCommand implements Callable<Integer> {
    static final String KINDS_SECTION = "orientirFileKinds";

    @Spec
    CommandSpec spec;

    @Option(names = "--inbox", required = true, paramLabel = "ПАПКА",
            description = "Папка входящих файлов: таблицы CSV (UTF-8 или windows-1251, разделитель определяется сам) "
                    + "и XLSX. Тип файла узнаётся по строке заголовка, имя файла любое. Файл берётся, когда рядом "
                    + "лежит метка ИМЯ.done или он не менялся ingest.settle-seconds; скрытые файлы, подпапки и "
                    + "ссылки не загружаются. XLS, PDF и тексты в UTF-16 не принимаются: сохраните их как CSV или XLSX.")
    Path inbox;

    /**
     * The section «Типы входящих файлов» of {@code run --help}: every kind the ingest recognises, with its required
     * columns (headers may also use the Russian names of orientir.yml's ingest aliases).
     */
    public static void describeInputs(CommandLine run) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (FileKind kind : FileKind.values()) {
            rows.put(RunSummary.kindName(kind), "обязательные столбцы: " + String.join(", ", kind.requiredColumns()));
        }
        HelpSections.add(run, KINDS_SECTION, "%nТипы входящих файлов:%n", rows);
    }

    @Override
    public Integer call() throws Exception {
        RunReport report = new Pipeline(ConfigOption.load()).run(inbox);
        PrintWriter out = spec.commandLine().getOut();
        RunSummary.print(report, out);
        return ExitCodes.of(report);
    }
}
