package ru.orientir.jobs.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ru.orientir.jobs.export.MartExporter;
import ru.orientir.warehouse.Warehouse;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a published mart to standard output, header first.%nMarts: list_transitions, school_status, list_membership; load history: loads, quarantine.")
public final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MART", description = "The mart to export.")
    String mart;

    @Option(names = "--format", defaultValue = "csv", description = "Output format: csv (default).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!"csv".equals(format)) {
            throw new IllegalArgumentException("Формат «" + format + "» не поддерживается; доступен: csv");
        }
        MartExporter.requireKnown(mart);
        try (Warehouse warehouse = Warehouse.openForReading(ConfigOption.load().warehouse(), ConfigOption.READ_WAIT)) {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            new MartExporter(warehouse).exportCsv(mart, out);
            out.flush();
        }
        return 0;
    }
}
