package ru.orientir.jobs;

import java.util.ServiceLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import ru.orientir.jobs.cli.CommandProvider;
import ru.orientir.jobs.cli.DashboardsCommand;
import ru.orientir.jobs.cli.ExportCommand;
import ru.orientir.jobs.cli.HelpTexts;
import ru.orientir.jobs.cli.ReportCommand;
import ru.orientir.jobs.cli.RunCommand;
import ru.orientir.jobs.cli.ScheduleCommand;
import ru.orientir.jobs.cli.StatusCommand;
import ru.orientir.jobs.cli.UsageErrors;
import ru.orientir.jobs.cli.UserErrors;

/** The {@code orientir} command line (bin/orientir). */
@Command(name = "orientir", mixinStandardHelpOptions = true, version = "Orientir 0.1.0",
        description = "Хранилище данных и ночная загрузка для школ с низкими образовательными результатами (ШНОР) и "
                + "школ, функционирующих в неблагоприятных социальных условиях (ШНСУ).",
        subcommands = {RunCommand.class, ScheduleCommand.class, ExportCommand.class, StatusCommand.class, DashboardsCommand.class,
                ReportCommand.class})
public final class Main implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with the application's subcommands and any a {@link CommandProvider} adds (the tools), its
     * help and its errors in Russian: a failed command prints «Ошибка: » and a Russian sentence saying what to do,
     * the technical detail on the next line ({@link UserErrors}).
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        for (CommandProvider provider : ServiceLoader.load(CommandProvider.class)) {
            for (Object command : provider.commands()) {
                cli.addSubcommand(command);
            }
        }
        ExportCommand.describeMarts(cli.getSubcommands().get("export"));
        RunCommand.describeInputs(cli.getSubcommands().get("run"));
        // after every subcommand is added: the bundle reaches those present now
        cli.setResourceBundle(new HelpTexts());
        cli.setParameterExceptionHandler(new UsageErrors());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            log.debug("Команда {} не выполнена", cmd.getCommandSpec().qualifiedName(), e);
            cmd.getErr().println("Ошибка: " + UserErrors.describe(e));
            cmd.getErr().flush();
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
