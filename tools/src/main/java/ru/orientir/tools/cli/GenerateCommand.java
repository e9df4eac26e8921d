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
        description = "Записать синтетический регион (детерминированно по --seed) как входящие файлы: справочник школ, "
                + "официальные списки и за каждый год оценочных процедур (год перед годом списка) результаты, контекст "
                + "школ, кадры, рисковые профили и перечень ФИОКО.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--schools", required = true, paramLabel = "ЧИСЛО", description = "Число школ.")
    int schools;

    @Option(names = "--years", required = true, paramLabel = "ЧИСЛО", description = "Число лет списков.")
    int years;

    @Option(names = "--out", required = true, paramLabel = "ПАПКА", description = "Папка для файлов (создаётся, если её нет).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "ЧИСЛО", description = "Зерно случайных чисел (по умолчанию ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--last-year", defaultValue = "2025", paramLabel = "ГОД", description = "Последний год списка (по умолчанию ${DEFAULT-VALUE}).")
    int lastYear;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|csv-ru|xlsx",
            description = "Вид файлов: csv (UTF-8, запятая, английские заголовки), csv-ru (windows-1251, точка с "
                    + "запятой, десятичная запятая, русские заголовки) или xlsx (по умолчанию ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--results", defaultValue = "student", paramLabel = "student|aggregate|none",
            description = "Результаты: по участникам (student), по школам (aggregate) или без них (none); по "
                    + "умолчанию ${DEFAULT-VALUE}.")
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
