package ru.orientir.jobs.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ru.orientir.etl.ingest.FileKind;

/**
 * What {@code bin/orientir status} prints: the last runs and file loads from meta_run, meta_run_step and meta_load,
 * in Russian words and local time. The warehouse keeps codes (succeeded, loaded, staffing) because scripts and
 * exports read them; only this account translates them.
 */
final class StatusReport {
    private final LocalTimes times;

    StatusReport(LocalTimes times) {
        this.times = times;
    }

    void print(Connection c, int limit, PrintWriter out) throws SQLException {
        out.println("Время местное (" + times.zone().getId() + ").");
        out.println("Последние запуски:");
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, started_at, finished_at, status, files_seen, "
                + "files_loaded, files_skipped, files_failed, rows_read, rows_loaded, rows_quarantined, error, "
                + "marts_published, triggered_by, executions, resumed_from "
                + "FROM meta_run ORDER BY started_at DESC, finished_at DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    String runId = rs.getString(1);
                    Instant started = instant(rs.getTimestamp(2));
                    Instant finished = instant(rs.getTimestamp(3));
                    out.printf("  %s  %s  %-10s файлы: %d (загружено %d, пропущено %d, ошибок %d)  строки: прочитано %d, "
                                    + "загружено %d, в карантине %d%s%n",
                            runId, times.format(started), runStatus(rs.getString(4)), rs.getInt(5), rs.getInt(6),
                            rs.getInt(7), rs.getInt(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                            rs.getString(12) == null ? "" : "  ошибка: " + rs.getString(12));
                    int executions = rs.getInt(15);
                    String marts = rs.getString(13);
                    out.printf("      запущен: %s, длительность %d с%s%s%s%n", trigger(rs.getString(14)),
                            started == null || finished == null ? 0 : Duration.between(started, finished).toSeconds(),
                            executions > 1 ? ", возобновлён с шага «" + RunSummary.stepName(rs.getString(16))
                                    + "» (стартов: " + executions + ")" : "",
                            marts == null || marts.isEmpty() ? "" : ", витрины: " + marts.replace(",", ", "),
                            steps(c, runId));
                }
                if (!any) {
                    out.println("  запусков ещё не было (bin/orientir run --inbox ПАПКА или bin/orientir demo)");
                }
            }
        }
        out.println("Последние загрузки файлов:");
        try (PreparedStatement ps = c.prepareStatement("SELECT load_id, file, kind, status, rows_read, rows_loaded, "
                + "rows_quarantined, finished_at, message FROM meta_load ORDER BY finished_at DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String status = rs.getString(4);
                    // a loaded file's message repeats the counts; a skipped or failed one says why
                    String message = "loaded".equals(status) ? null : rs.getString(9);
                    out.printf("  %s  %-26s %-28s %-9s прочитано %d, загружено %d, в карантине %d%s%n",
                            times.format(instant(rs.getTimestamp(8))), rs.getString(2), kind(rs.getString(3)),
                            loadStatus(status), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                            message == null || message.isBlank() ? "" : " — " + message);
                }
            }
        }
        out.flush();
    }

    /** ", шаги: приём файлов 1.2 с, снимок 0.3 с, ..." — the last attempt of each step; retries are counted. */
    private static String steps(Connection c, String runId) throws SQLException {
        StringBuilder s = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("SELECT step, attempt, started_at, finished_at, status FROM meta_run_step "
                + "WHERE run_id = ? ORDER BY started_at, attempt")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, String> last = new LinkedHashMap<>();
                while (rs.next()) {
                    long ms = rs.getTimestamp(4).getTime() - rs.getTimestamp(3).getTime();
                    String status = rs.getString(5);
                    last.put(rs.getString(1), String.format(Locale.ROOT, "%.1f с%s%s", ms / 1000.0,
                            rs.getInt(2) > 1 ? " (попытка " + rs.getInt(2) + ")" : "",
                            "completed".equals(status) ? "" : " — " + stepStatus(status)));
                }
                last.forEach((step, text) -> s.append(s.isEmpty() ? ", шаги: " : ", ")
                        .append(RunSummary.stepName(step)).append(' ').append(text));
            }
        }
        return s.toString();
    }

    /** Read back the way the run wrote it ({@code Timestamp.from(instant)}). */
    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String runStatus(String code) {
        return switch (code == null ? "" : code) {
            case "succeeded" -> "успешно";
            case "partial" -> "частично";
            case "failed" -> "ошибка";
            case "stopped" -> "остановлен";
            case "skipped" -> "пропущен";
            default -> code;
        };
    }

    static String loadStatus(String code) {
        return switch (code == null ? "" : code) {
            case "loaded" -> "загружен";
            case "skipped" -> "пропущен";
            case "failed" -> "ошибка";
            case "superseded" -> "заменён";
            default -> code;
        };
    }

    static String stepStatus(String code) {
        return switch (code == null ? "" : code) {
            case "failed" -> "ошибка";
            case "stopped" -> "остановлен";
            default -> code;
        };
    }

    static String trigger(String code) {
        return switch (code == null ? "run" : code) {
            case "run" -> "командой run";
            case "schedule" -> "по расписанию";
            case "demo" -> "демонстрацией";
            default -> code;
        };
    }

    /** The Russian name of a stored file kind code; an unknown code (an unreadable file has none) as it is. */
    static String kind(String code) {
        if (code == null || code.equals("unknown")) {
            return "тип не определён";
        }
        return FileKind.ofCode(code).map(RunSummary::kindName).orElse(code);
    }
}
