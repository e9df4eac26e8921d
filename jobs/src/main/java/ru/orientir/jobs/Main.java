package ru.orientir.jobs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import ru.orientir.jobs.cli.BenchmarkCommand;
import ru.orientir.jobs.cli.DashboardsCommand;
import ru.orientir.jobs.cli.DemoCommand;
import ru.orientir.jobs.cli.ExportCommand;
import ru.orientir.jobs.cli.GenerateCommand;
import ru.orientir.jobs.cli.ReportCommand;
import ru.orientir.jobs.cli.RunCommand;
import ru.orientir.jobs.cli.ScheduleCommand;
import ru.orientir.jobs.cli.StatusCommand;

/** The {@code orientir} command line (bin/orientir). */
@Command(name = "orientir", mixinStandardHelpOptions = true, version = "Orientir 0.1.0",
        description = "Data warehouse and nightly ETL for schools with low educational results (ШНОР/ШНСУ).",
        subcommands = {RunCommand.class, ScheduleCommand.class, DemoCommand.class, GenerateCommand.class, ExportCommand.class, StatusCommand.class,
                DashboardsCommand.class, ReportCommand.class, BenchmarkCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("Ошибка: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return 1;
                })
                .execute(args);
        System.exit(code);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
