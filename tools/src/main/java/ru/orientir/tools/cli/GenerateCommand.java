package ru.orientir.tools.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import ru.orientir.tools.generate.GeneratedRegion;
import ru.orientir.tools.generate.GeneratorOptions;
import ru.orientir.tools.generate.RegionGenerator;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a deterministic synthetic region as input files: schools, official lists, and per "
                + "assessment year (the year before each list year) results, context and staffing.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--schools", required = true, description = "Number of schools.")
    int schools;

    @Option(names = "--years", required = true, description = "Number of list years.")
    int years;

    @Option(names = "--out", required = true, description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--last-year", defaultValue = "2025", description = "The last list year (default: ${DEFAULT-VALUE}).")
    int lastYear;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|csv-ru|xlsx",
            description = "File flavour: csv (UTF-8, comma, English headers), csv-ru (windows-1251, semicolon, "
                    + "decimal comma, Russian headers) or xlsx (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--results", defaultValue = "student", paramLabel = "student|aggregate|none",
            description = "Results per participant, per school (aggregates) or none (default: ${DEFAULT-VALUE}).")
    String results;

    @Override
    public Integer call() throws Exception {
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(GeneratorOptions.Format.parse(format), GeneratorOptions.Results.parse(results));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        GeneratedRegion region = new RegionGenerator(seed).generate(schools, years, lastYear, out, options);
        var w = spec.commandLine().getOut();
        w.printf("Синтетический регион: школ %d, муниципалитетов %d, файлов %d → %s%n",
                region.schools(), region.municipalities(), region.files().size(), out.toAbsolutePath());
        region.schoolsOnListByYear().forEach((year, n) -> w.printf("  список %d: школ в списке %d%n", year, n));
        w.printf("Строк по видам файлов (%s):%n", options.format().option());
        region.rowsByKind().forEach((kind, n) -> w.printf("  %-14s %d%n", kind, n));
        w.flush();
        return 0;
    }
}
