package ru.orientir.jobs.cli;

import java.util.List;

/**
 * Subcommands that live outside the application module: the tools module (demo, generate, benchmark) registers one
 * provider in {@code META-INF/services}, so {@code bin/orientir} offers them in a checkout while the application image,
 * which ships without the tools, simply does not list them.
 */
public interface CommandProvider {
    /** picocli command objects, in the order {@code --help} lists them. */
    List<Object> commands();
}
