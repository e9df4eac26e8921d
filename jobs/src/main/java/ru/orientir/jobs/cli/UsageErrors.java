package ru.orientir.jobs.cli;

import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot parse, told in Russian (picocli's own messages are English): what is wrong, and
 * which {@code --help} to read. Exit code 2, as picocli gives for bad usage.
 */
public final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("Ошибка: " + describe(e));
        cmd.getErr().println("Справка: bin/" + cmd.getCommandSpec().qualifiedName() + " --help");
        cmd.getErr().flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String describe(ParameterException e) {
        if (e instanceof MissingParameterException missing) {
            List<ArgSpec> absent = missing.getMissing();
            return (absent.size() == 1 ? "не задан обязательный параметр " : "не заданы обязательные параметры ")
                    + names(absent) + ".";
        }
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            return "неизвестный параметр или команда: " + String.join(" ", unmatched.getUnmatched())
                    + (suggestions.isEmpty() ? "." : "; возможно, имелось в виду: " + String.join(", ", suggestions) + ".");
        }
        String message = String.valueOf(e.getMessage());
        if (UserErrors.russian(message.lines().findFirst().orElse(""))) {
            return message; // a command's own check, already in Russian
        }
        return "неверное значение параметра; допустимые значения — в справке.\n" + UserErrors.DETAIL + message;
    }

    private static String names(List<ArgSpec> specs) {
        return specs.stream().map(a -> a instanceof OptionSpec o ? o.longestName() : a.paramLabel())
                .collect(Collectors.joining(", "));
    }
}
