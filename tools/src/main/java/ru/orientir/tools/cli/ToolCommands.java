package ru.orientir.tools.cli;

import java.util.List;

import ru.orientir.jobs.cli.CommandProvider;

/** The tools' subcommands, found by {@code bin/orientir} through {@link java.util.ServiceLoader}. */
public final class ToolCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new DemoCommand(), new GenerateCommand(), new BenchmarkCommand());
    }
}
