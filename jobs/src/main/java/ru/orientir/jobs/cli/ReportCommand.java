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
import ru.orientir.warehouse.Warehouse;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a municipality's analytical brief (аналитическая справка) for a list year from the "
                + "warehouse, as DOCX (default) or HTML.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--municipality", required = true, description = "The municipality, as in the school reference.")
    String municipality;

    @Option(names = "--list-year", required = true, description = "The list year the brief is for.")
    int listYear;

    @Option(names = "--out", required = true, description = "The file to write.")
    Path out;

    @Option(names = "--format", defaultValue = "docx", description = "docx (default) or html.")
    String format;

    @Override
    public Integer call() throws Exception {
        BriefReport.Format f;
        try {
            f = BriefReport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Формат «" + format + "» не поддерживается; доступны: docx, html");
        }
        try (Warehouse warehouse = Warehouse.openForReading(ConfigOption.load().warehouse(), ConfigOption.READ_WAIT)) {
            AnalyticalBrief b = BriefReport.write(warehouse, municipality, listYear, f, out);
            spec.commandLine().getOut().printf("Справка: %s, список %d года — школ %d, в списке %d; записана в %s%n",
                    b.municipality(), b.listYear(), b.schools().size(),
                    b.membership().stream().filter(m -> Boolean.TRUE.equals(m.onList().get(listYear))).count(),
                    out.toAbsolutePath());
        }
        return 0;
    }
}
