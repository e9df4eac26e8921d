package ru.orientir.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/** The published-run pointer ({@code meta_publication}), the same SQL on both engines. */
public final class Publication {
    private static final String RUN_ID = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}";

    private Publication() {
    }

    /** Moves the pointer to {@code runId} with one row insert. */
    public static void movePointer(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlResource.load("sql/publication/publish-pointer.sql"))) {
            ps.setString(1, runId);
            ps.setTimestamp(2, Timestamp.from(Instant.now()), Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            ps.executeUpdate();
        }
    }

    /** The run the pointer names, or null before the first publication. */
    public static String publishedRun(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlResource.load("sql/publication/published-run.sql"));
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    public static String publishedRun(Warehouse warehouse) {
        try (Connection c = warehouse.connection()) {
            return publishedRun(c);
        } catch (SQLException e) {
            throw new WarehouseException("Не удалось прочитать, какой запуск опубликован (таблица meta_publication). "
                    + "Проверьте, что хранилище доступно и миграции применены.\nПодробности: " + e.getMessage(), e);
        }
    }

    /** Run ids become partition values and literals on ClickHouse: only the characters Orientir's run ids use. */
    public static String requireRunId(String runId) {
        if (runId == null || !runId.matches(RUN_ID)) {
            throw new IllegalArgumentException("Not a run id: " + runId);
        }
        return runId;
    }
}
