package ru.orientir.jobs.cli;

import java.io.PrintWriter;
import java.util.Map;

import ru.orientir.etl.ingest.FileKind;
import ru.orientir.etl.ingest.LoadResult;
import ru.orientir.jobs.pipeline.RunReport;

/** The run's account for a person: every file, every row count, every mart, in Russian. */
public final class RunSummary {
    private RunSummary() {
    }

    public static void print(RunReport r, PrintWriter out) {
        out.printf("Запуск %s: файлов во входящих — %d%n", r.runId(), r.loads().size());
        for (LoadResult l : r.loads()) {
            String kind = l.kind() == null ? "" : " (" + kindName(l.kind()) + ")";
            switch (l.status()) {
                case LOADED -> out.printf("  %s%s: прочитано %d, загружено %d, в карантине %d%n",
                        l.file(), kind, l.rowsRead(), l.rowsLoaded(), l.rowsQuarantined());
                case SKIPPED -> out.printf("  %s: пропущен — %s%n", l.file(), l.message());
                case FAILED -> out.printf("  %s%s: ОШИБКА — %s%n", l.file(), kind, l.message());
            }
        }
        out.printf("Строк прочитано: %d, загружено: %d, в карантине: %d%n", r.rowsRead(), r.rowsLoaded(), r.rowsQuarantined());
        if (r.rowsQuarantined() > 0) {
            out.println("  причины отклонения строк: bin/orientir export quarantine --format csv (таблица meta_quarantine)");
        }
        if (!r.publishedMarts().isEmpty()) {
            StringBuilder s = new StringBuilder();
            for (Map.Entry<String, Long> m : r.publishedMarts().entrySet()) {
                if (!s.isEmpty()) {
                    s.append(", ");
                }
                s.append(m.getKey()).append(" (").append(m.getValue()).append(" строк)");
            }
            out.println("Опубликованы витрины: " + s);
        }
        if (!r.stepTimings().isEmpty()) {
            StringBuilder t = new StringBuilder();
            r.stepTimings().forEach((step, d) -> t.append(t.isEmpty() ? "" : ", ").append(stepName(step)).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.1f с", d.toMillis() / 1000.0)));
            out.println("Время шагов: " + t);
        }
        if (!r.notes().isEmpty()) {
            out.println("Замечания аналитики:");
            r.notes().forEach(n -> out.println("  " + n));
        }
        switch (r.status()) {
            case SUCCEEDED -> out.println("Запуск завершён успешно.");
            case PARTIAL -> out.println(r.error() != null ? "Запуск завершён частично: " + r.error()
                    : "Запуск завершён, но часть файлов не загружена (см. ОШИБКА выше).");
            case FAILED -> out.println("Запуск НЕ выполнен: " + r.error());
        }
        out.flush();
    }

    static String stepName(String step) {
        return switch (step) {
            case "migrate" -> "миграции";
            case "ingest" -> "приём файлов";
            case "snapshot" -> "снимок";
            case "analytics" -> "аналитика";
            case "publish" -> "публикация";
            default -> step;
        };
    }

    /** The kind as a person reads it; each kind's descriptor names it (etl/ingest, {@code kinds/}). */
    static String kindName(FileKind kind) {
        return kind.russianName();
    }
}
