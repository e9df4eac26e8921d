package ru.orientir.jobs.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import ru.orientir.jobs.export.MartExporter;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.marts.MartDescriptor;
import ru.orientir.warehouse.marts.Marts;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Выгрузить опубликованную витрину или журнал загрузок в стандартный вывод: CSV в UTF-8, первая "
                + "строка — заголовок. Список витрин — ниже.")
public final class ExportCommand implements Callable<Integer> {
    static final String MARTS_SECTION = "orientirMarts";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ВИТРИНА", completionCandidates = MartNames.class,
            description = "Что выгрузить: ${COMPLETION-CANDIDATES}.")
    String mart;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "ФОРМАТ", description = "Формат вывода: csv (единственный, по умолчанию).")
    String format;

    /** The names {@code export} accepts, from the registry: picocli lists them in help and shell completion. */
    static final class MartNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Marts.names().iterator();
        }
    }

    /** The section «Витрины» of {@code export --help}: every registered mart with its title. */
    public static void describeMarts(CommandLine export) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (MartDescriptor m : Marts.all()) {
            rows.put(m.name(), m.title() + (m.kind() == MartDescriptor.Kind.LOAD_HISTORY ? " (журнал загрузок)" : ""));
        }
        HelpSections.add(export, MARTS_SECTION, "%nВитрины:%n", rows);
    }

    @Override
    public Integer call() throws Exception {
        if (!"csv".equals(format)) {
            throw new IllegalArgumentException("Формат «" + format + "» не поддерживается; доступен: csv");
        }
        MartExporter.requireKnown(mart);
        try (Warehouse warehouse = Warehouse.openForReading(ConfigOption.forReading(spec.commandLine().getErr()).warehouse(),
                ConfigOption.READ_WAIT)) {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            new MartExporter(warehouse).exportCsv(mart, out);
            out.flush();
        }
        return 0;
    }
}
