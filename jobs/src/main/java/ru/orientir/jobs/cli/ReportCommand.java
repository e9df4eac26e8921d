package ru.orientir.jobs.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import ru.orientir.dashboards.report.AnalyticalBrief;
import ru.orientir.dashboards.report.BriefReport;
import ru.orientir.jobs.config.OrientirConfig;
import ru.orientir.warehouse.Warehouse;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Записать аналитическую справку по муниципалитету за год списка из опубликованных витрин: "
                + "DOCX (по умолчанию) или HTML.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--municipality", required = true, paramLabel = "НАЗВАНИЕ",
            description = "Муниципалитет, как он назван в справочнике школ (в кавычках, если в названии есть пробелы).")
    String municipality;

    @Option(names = "--list-year", required = true, paramLabel = "ГОД", description = "Год списка ШНОР, за который составить справку.")
    int listYear;

    @Option(names = "--out", required = true, paramLabel = "ФАЙЛ", description = "Файл справки, который записать (существующий перезаписывается).")
    Path out;

    @Option(names = "--format", defaultValue = "docx", paramLabel = "ФОРМАТ", description = "Формат: docx (по умолчанию) или html.")
    String format;

    @Option(names = "--plan", paramLabel = "ФАЙЛ", description = "Записать и проект плана мероприятий по трём трекам в XLSX: "
            + "муниципалитет заполняет ответственных, статус и фактические значения и возвращает файл в папку входящих.")
    Path plan;

    @Override
    public Integer call() throws Exception {
        BriefReport.Format f;
        try {
            f = BriefReport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Формат «" + format + "» не поддерживается; доступны: docx, html");
        }
        OrientirConfig config = ConfigOption.forReading(spec.commandLine().getErr());
        try (Warehouse warehouse = Warehouse.openForReading(config.warehouse(), ConfigOption.READ_WAIT)) {
            AnalyticalBrief b = BriefReport.write(warehouse, municipality, listYear, f, out, config.measures(), plan);
            spec.commandLine().getOut().printf("Справка: %s, список %d года — школ %d, в списке %d; записана в %s%n",
                    b.municipality(), b.listYear(), b.schools().size(),
                    b.membership().stream().filter(m -> Boolean.TRUE.equals(m.onList().get(listYear))).count(),
                    out.toAbsolutePath());
            spec.commandLine().getOut().printf("Выявлено проблем: %d (муниципалитет — %d, школы трека 1 — %d, трека 2 — %d); "
                            + "мер в проекте плана: %d%s%n", b.problems().size(), b.problems(3).size(),
                    b.problems(1).size(), b.problems(2).size(), b.plan().size(),
                    plan == null ? "" : "; проект плана записан в " + plan.toAbsolutePath());
        }
        return 0;
    }
}
