package ru.orientir.jobs;

import java.util.ServiceLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import ru.orientir.jobs.cli.CommandProvider;
import ru.orientir.jobs.cli.DashboardsCommand;
import ru.orientir.jobs.cli.ExportCommand;
import ru.orientir.jobs.cli.ReportCommand;
import ru.orientir.jobs.cli.RunCommand;
import ru.orientir.jobs.cli.ScheduleCommand;
import ru.orientir.jobs.cli.StatusCommand;

/** The {@code orientir} command line (bin/orientir). */
@Command(name = "orientir", mixinStandardHelpOptions = true, version = "Orientir 0.1.0",
        description = "Data warehouse and nightly ETL for schools with low educational results (ШНОР/ШНСУ).",
        subcommands = {RunCommand.class, ScheduleCommand.class, ExportCommand.class, StatusCommand.class, DashboardsCommand.class,
                ReportCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine()
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("Ошибка: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return 1;
                })
                .execute(args);
        System.exit(code);
    }

    /** The command line with the application's subcommands and any a {@link CommandProvider} adds (the tools). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        for (CommandProvider provider : ServiceLoader.load(CommandProvider.class)) {
            for (Object command : provider.commands()) {
                cli.addSubcommand(command);
            }
        }
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
