package ru.orientir.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import ru.orientir.jobs.pipeline.Pipeline;
import ru.orientir.jobs.pipeline.RunReport;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the pipeline once over an inbox folder: ingest → analytics → publish.%n"
                + "Exit codes: 0 success, 1 failure, 3 finished but some files failed to load.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--inbox", required = true, description = "Folder with the input files (CSV).")
    Path inbox;

    @Override
    public Integer call() throws Exception {
        RunReport report = new Pipeline(ConfigOption.load()).run(inbox);
        PrintWriter out = spec.commandLine().getOut();
        RunSummary.print(report, out);
        return ExitCodes.of(report);
    }
}
