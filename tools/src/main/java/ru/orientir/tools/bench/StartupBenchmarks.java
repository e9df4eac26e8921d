package ru.orientir.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ru.orientir.tools.generate.RegionGenerator;

/**
 * What a person waits for: {@code run} on a tiny inbox and the whole {@code demo}, each as its own process, beside the
 * two anchors of the same run — the application's start-up alone ({@code --version}: the JVM and the class path, the
 * fixed cost nothing can remove) — and the targets (10 s and 20 s).
 */
public final class StartupBenchmarks {
    /** The tiny inbox: 6 schools, 2 list years (student-level results, as a small municipality sends them). */
    public static final int TINY_SCHOOLS = 6;
    public static final int TINY_YEARS = 2;
    public static final double TINY_TARGET_SECONDS = 10;
    public static final double DEMO_TARGET_SECONDS = 20;
    private static final String KEY = "benchmark-key-of-at-least-thirty-two-bytes";

    private StartupBenchmarks() {
    }

    /** The start-up anchor: {@code bin/orientir --version}, the best of three. */
    public static double startupSeconds(Path work) throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, AppProcess.seconds(work, Map.of(), "--version"));
        }
        return best;
    }

    /** {@code run} over a freshly generated tiny inbox into a fresh embedded warehouse. */
    public static double tinyRunSeconds(Path work) throws IOException, InterruptedException {
        Path inbox = work.resolve("tiny-inbox");
        new RegionGenerator(13).generate(TINY_SCHOOLS, TINY_YEARS, 2025, inbox);
        markDone(inbox);
        return AppProcess.seconds(work, Map.of("ORIENTIR_HOME", work.resolve("tiny-home").toString(),
                "ORIENTIR_PSEUDONYM_KEY", KEY), "run", "--inbox", inbox.toString());
    }

    /** The whole {@code demo} (its default region) in a fresh ORIENTIR_HOME. */
    public static double demoSeconds(Path work) throws IOException, InterruptedException {
        return AppProcess.seconds(work, Map.of("ORIENTIR_HOME", work.resolve("demo-home").toString()), "demo");
    }

    public static List<Figure> figures(Path work) throws IOException, InterruptedException {
        double startup = startupSeconds(work);
        double tiny = tinyRunSeconds(work);
        double demo = demoSeconds(work);
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("run на крошечном входе (" + TINY_SCHOOLS + " школ, " + TINY_YEARS + " года)", tiny, "с",
                "цель", TINY_TARGET_SECONDS, false, 1.0));
        figures.add(new Figure("run на крошечном входе", tiny, "с", "запуск приложения (--version)", startup, false, Double.NaN));
        figures.add(new Figure("demo (300 школ × 5 лет, после сборки)", demo, "с", "цель", DEMO_TARGET_SECONDS, false, 1.0));
        figures.add(new Figure("demo", demo, "с", "запуск приложения (--version)", startup, false, Double.NaN));
        return figures;
    }

    /** The files were written and closed here: a «.done» marker beside each lets the run take them at once. */
    private static void markDone(Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                Files.createFile(f.resolveSibling(f.getFileName() + ".done"));
            }
        }
    }
}
