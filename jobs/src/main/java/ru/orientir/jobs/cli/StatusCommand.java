package ru.orientir.jobs.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import ru.orientir.warehouse.Warehouse;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the last runs and loads with their counts.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "10", description = "How many runs and loads to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Warehouse warehouse = Warehouse.openForReading(ConfigOption.load().warehouse(), ConfigOption.READ_WAIT); Connection c = warehouse.connection()) {
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
                        out.printf("  %s  %s  %-9s файлы: %d (загружено %d, пропущено %d, ошибок %d)  строки: прочитано %d, "
                                        + "загружено %d, в карантине %d%s%n",
                                runId, rs.getTimestamp(2).toInstant(), rs.getString(4), rs.getInt(5), rs.getInt(6),
                                rs.getInt(7), rs.getInt(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                                rs.getString(12) == null ? "" : "  ошибка: " + rs.getString(12));
                        String trigger = rs.getString(14);
                        int executions = rs.getInt(15);
                        String resumedFrom = rs.getString(16);
                        long seconds = java.time.Duration.between(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()).toSeconds();
                        out.printf("      запущен: %s, длительность %d с%s%s%s%n", trigger == null ? "run" : trigger, seconds,
                                executions > 1 ? ", возобновлён с шага «" + resumedFrom + "» (стартов: " + executions + ")" : "",
                                rs.getString(13) == null || rs.getString(13).isEmpty() ? "" : ", витрины: " + rs.getString(13),
                                steps(c, runId));
                    }
                    if (!any) {
                        out.println("  запусков ещё не было (bin/orientir run --inbox DIR или bin/orientir demo)");
                    }
                }
            }
            out.println("Последние загрузки файлов:");
            try (PreparedStatement ps = c.prepareStatement("SELECT load_id, file, kind, status, rows_read, rows_loaded, "
                    + "rows_quarantined, finished_at, message FROM meta_load ORDER BY finished_at DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.printf("  %s  %-24s %-13s %-7s прочитано %d, загружено %d, в карантине %d  %s%n",
                                rs.getTimestamp(8).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(9));
                    }
                }
            }
        }
        out.flush();
        return 0;
    }

    /** ", шаги: приём 1.2 с, снимок 0.3 с, ..." — the last attempt of each step; retries are counted. */
    private static String steps(Connection c, String runId) throws java.sql.SQLException {
        StringBuilder s = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("SELECT step, attempt, started_at, finished_at, status FROM meta_run_step "
                + "WHERE run_id = ? ORDER BY started_at, attempt")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                java.util.Map<String, String> last = new java.util.LinkedHashMap<>();
                while (rs.next()) {
                    long ms = rs.getTimestamp(4).getTime() - rs.getTimestamp(3).getTime();
                    String status = rs.getString(5);
                    last.put(rs.getString(1), String.format(java.util.Locale.ROOT, "%.1f с%s%s", ms / 1000.0,
                            rs.getInt(2) > 1 ? " (попытка " + rs.getInt(2) + ")" : "",
                            "completed".equals(status) ? "" : " — " + status));
                }
                last.forEach((step, text) -> s.append(s.isEmpty() ? ", шаги: " : ", ").append(step).append(' ').append(text));
            }
        }
        return s.toString();
    }
}
