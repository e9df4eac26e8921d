package ru.orientir.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * {@code status} in Russian words and local time. Worked example: a scheduled run started at 23:14:34.930853 UTC on
 * 29 November 2026, resumed once from analytics, that loaded a staffing file and failed on a file of no known kind.
 * In Новосибирск (UTC+7) the operator reads 30.11.2026 06:14:34; in Калининград (UTC+2) 30.11.2026 01:14:34.
 */
class StatusReportTest {
    @TempDir
    Path home;

    @Test
    void aRunAndItsLoadsInNovosibirskTime() throws Exception {
        assertEquals("""
                Время местное (Asia/Novosibirsk).
                Последние запуски:
                  run-1  30.11.2026 06:14:34  успешно    файлы: 2 (загружено 1, пропущено 0, ошибок 1)  строки: прочитано 12, загружено 10, в карантине 2
                      запущен: по расписанию, длительность 91 с, возобновлён с шага «аналитика» (стартов: 2), витрины: school_status, list_transitions, шаги: приём файлов 1.2 с, аналитика 3.4 с (попытка 2)
                Последние загрузки файлов:
                  30.11.2026 06:15:11  notes.csv                  тип не определён             ошибка    прочитано 0, загружено 0, в карантине 0 — не удалось определить тип файла
                  30.11.2026 06:15:10  staffing.csv               кадры                        загружен  прочитано 12, загружено 10, в карантине 2
                """, status(ZoneId.of("Asia/Novosibirsk")));
    }

    @Test
    void theSameRunInKaliningradTime() throws Exception {
        String status = status(ZoneId.of("Europe/Kaliningrad"));
        assertEquals("Время местное (Europe/Kaliningrad).", status.lines().findFirst().orElseThrow());
        assertEquals("  run-1  30.11.2026 01:14:34  успешно    файлы: 2 (загружено 1, пропущено 0, ошибок 1)  строки: "
                + "прочитано 12, загружено 10, в карантине 2", status.lines().skip(2).findFirst().orElseThrow());
    }

    @Test
    void noRunsYetSaysWhatToDo() throws Exception {
        try (Warehouse w = Warehouse.open(WarehouseSettings.embedded(home)); Connection c = w.connection()) {
            w.migrate();
            StringWriter text = new StringWriter();
            new StatusReport(new LocalTimes(ZoneId.of("UTC"))).print(c, 10, new PrintWriter(text));
            assertEquals("""
                    Время местное (UTC).
                    Последние запуски:
                      запусков ещё не было (bin/orientir run --inbox ПАПКА или bin/orientir demo)
                    Последние загрузки файлов:
                    """, text.toString());
        }
    }

    @Test
    void wordsForEveryStoredCode() {
        assertEquals("частично", StatusReport.runStatus("partial"));
        assertEquals("ошибка", StatusReport.runStatus("failed"));
        assertEquals("остановлен", StatusReport.runStatus("stopped"));
        assertEquals("пропущен", StatusReport.runStatus("skipped"));
        assertEquals("пропущен", StatusReport.loadStatus("skipped"));
        assertEquals("командой run", StatusReport.trigger(null));
        assertEquals("демонстрацией", StatusReport.trigger("demo"));
        assertEquals("результаты участников", StatusReport.kind("exam_results"));
        assertEquals("рисковые профили ФИОКО", StatusReport.kind("risk_survey"));
    }

    private String status(ZoneId zone) throws Exception {
        try (Warehouse w = Warehouse.open(WarehouseSettings.embedded(home))) {
            w.migrate();
            try (Connection c = w.connection()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta_run (run_id, command, started_at, "
                        + "finished_at, status, files_seen, files_loaded, files_skipped, files_failed, rows_read, rows_loaded, "
                        + "rows_quarantined, marts_published, error, triggered_by, executions, resumed_from) "
                        + "VALUES ('run-1', 'run', ?, ?, 'succeeded', 2, 1, 0, 1, 12, 10, 2, "
                        + "'school_status,list_transitions', NULL, 'schedule', 2, 'analytics')")) {
                    ps.setTimestamp(1, at("2026-11-29T23:14:34.930853Z"));
                    ps.setTimestamp(2, at("2026-11-29T23:16:06Z"));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta_run_step (run_id, step, attempt, "
                        + "started_at, finished_at, status, error) VALUES ('run-1', ?, ?, ?, ?, ?, NULL)")) {
                    step(ps, "ingest", 1, "2026-11-29T23:15:00Z", "2026-11-29T23:15:01.200Z", "completed");
                    step(ps, "analytics", 1, "2026-11-29T23:15:02Z", "2026-11-29T23:15:03Z", "failed");
                    step(ps, "analytics", 2, "2026-11-29T23:15:40Z", "2026-11-29T23:15:43.400Z", "completed");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta_load (load_id, run_id, file, kind, "
                        + "content_sha256, started_at, finished_at, rows_read, rows_loaded, rows_quarantined, status, message) "
                        + "VALUES (?, 'run-1', ?, ?, 'sha', ?, ?, ?, ?, ?, ?, ?)")) {
                    load(ps, "L1", "staffing.csv", "staffing", "2026-11-29T23:15:10Z", 12, 10, 2, "loaded",
                            "загружен, строк в карантине: 2");
                    load(ps, "L2", "notes.csv", "unknown", "2026-11-29T23:15:11Z", 0, 0, 0, "failed",
                            "не удалось определить тип файла");
                }
            }
            try (Connection c = w.connection()) {
                StringWriter text = new StringWriter();
                new StatusReport(new LocalTimes(zone)).print(c, 10, new PrintWriter(text));
                return text.toString();
            }
        }
    }

    private static void step(PreparedStatement ps, String step, int attempt, String started, String finished, String status)
            throws Exception {
        ps.setString(1, step);
        ps.setInt(2, attempt);
        ps.setTimestamp(3, at(started));
        ps.setTimestamp(4, at(finished));
        ps.setString(5, status);
        ps.executeUpdate();
    }

    private static void load(PreparedStatement ps, String id, String file, String kind, String finished, long read,
                             long loaded, long quarantined, String status, String message) throws Exception {
        ps.setString(1, id);
        ps.setString(2, file);
        ps.setString(3, kind);
        ps.setTimestamp(4, at(finished));
        ps.setTimestamp(5, at(finished));
        ps.setLong(6, read);
        ps.setLong(7, loaded);
        ps.setLong(8, quarantined);
        ps.setString(9, status);
        ps.setString(10, message);
        ps.executeUpdate();
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
