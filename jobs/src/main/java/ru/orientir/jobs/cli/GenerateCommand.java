package ru.orientir.jobs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import ru.orientir.jobs.generate.GeneratedRegion;
import ru.orientir.jobs.generate.RegionGenerator;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a deterministic synthetic region (schools and official lists) as input files.")
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

    @Override
    public Integer call() throws Exception {
        GeneratedRegion region = new RegionGenerator(seed).generate(schools, years, lastYear, out);
        var w = spec.commandLine().getOut();
        w.printf("Синтетический регион: школ %d, муниципалитетов %d, файлов %d → %s%n",
                region.schools(), region.municipalities(), region.files().size(), out.toAbsolutePath());
        region.schoolsOnListByYear().forEach((year, n) -> w.printf("  список %d: школ в списке %d%n", year, n));
        w.flush();
        return 0;
    }
}
