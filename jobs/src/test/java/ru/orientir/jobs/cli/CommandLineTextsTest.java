package ru.orientir.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import ru.orientir.jobs.Main;
import ru.orientir.warehouse.marts.MartDescriptor;
import ru.orientir.warehouse.marts.Marts;

/** {@code --help} is Russian and lists exactly what each command accepts; usage errors are Russian too. */
class CommandLineTextsTest {

    @Test
    void everyCommandAndOptionIsDescribedInRussian() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        assertTrue(all.size() >= 8, "run, schedule, export, status, dashboards (sync, bundle), report: " + all.size());
        for (CommandLine cmd : all) {
            String name = cmd.getCommandSpec().qualifiedName();
            assertTrue(UserErrors.russian(String.join(" ", cmd.getCommandSpec().usageMessage().description())), name);
            for (OptionSpec o : cmd.getCommandSpec().options()) {
                assertTrue(UserErrors.russian(String.join(" ", o.description())), name + " " + o.longestName());
            }
            for (PositionalParamSpec p : cmd.getCommandSpec().positionalParameters()) {
                assertTrue(UserErrors.russian(String.join(" ", p.description())), name + " " + p.paramLabel());
            }
            String help = cmd.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String english : List.of("Usage:", "Options:", "Commands:", "Show this help", "Print version")) {
                assertTrue(!help.contains(english), name + " --help still says «" + english + "»:\n" + help);
            }
        }
    }

    @Test
    void exportHelpListsEveryRegisteredMart() {
        String help = help("export");
        for (MartDescriptor mart : Marts.all()) {
            assertTrue(help.matches("(?s).*\\n  " + mart.name() + " +\\S.*"), mart.name() + " is not listed:\n" + help);
            assertTrue(help.replaceAll("\\s+", " ").contains(mart.title().replaceAll("\\s+", " ")), mart.title() + "\n" + help);
        }
        assertTrue(help.replaceAll("\\s+", " ").contains("Что выгрузить: " + String.join(", ", Marts.names()) + "."), help);
    }

    @Test
    void runHelpSaysTheInboxTakesCsvAndXlsx() {
        String help = help("run").replaceAll("\\s+", " ");
        assertTrue(help.contains("CSV") && help.contains("XLSX"), help);
        assertTrue(help.contains("справочник школ обязательные столбцы: school_id, name, municipality"), help);
        assertTrue(help.contains("Коды завершения: 0 — успешно"), help);
    }

    @Test
    void usageErrorsAreRussianWithExitCodeTwo() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("run"));
        assertEquals("Ошибка: не задан обязательный параметр --inbox.\nСправка: bin/orientir run --help\n", err.toString());

        StringWriter err2 = new StringWriter();
        cli.setErr(new PrintWriter(err2));
        assertEquals(2, cli.execute("status", "--limit", "много"));
        assertTrue(err2.toString().startsWith("Ошибка: неверное значение параметра; допустимые значения — в справке.\n"
                + "Подробности: "), err2.toString());

        StringWriter err3 = new StringWriter();
        cli.setErr(new PrintWriter(err3));
        assertEquals(2, cli.execute("exprot"));
        assertTrue(err3.toString().startsWith("Ошибка: неизвестный параметр или команда: exprot; возможно, имелось в виду: "
                + "export"), err3.toString());
    }

    /** A failed command's error line goes through {@link UserErrors}: an unknown mart is refused in Russian. */
    @Test
    void aFailedCommandPrintsTheRussianLine() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(1, cli.execute("export", "nonsense"));
        assertTrue(err.toString().startsWith("Ошибка: Неизвестная витрина «nonsense»; доступны: list_transitions, "), err.toString());
    }

    private static String help(String command) {
        return Main.commandLine().getSubcommands().get(command).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static void collect(CommandLine cmd, List<CommandLine> into) {
        into.add(cmd);
        cmd.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
