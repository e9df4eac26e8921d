package ru.orientir.etl.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import ru.orientir.warehouse.WarehouseException;

/**
 * Writes each chunk's accepted rows to staging and its rejected rows to quarantine, in one warehouse transaction.
 *
 * <p>Restart safety: the warehouse commit and the job repository commit are separate, so a crash between them can
 * leave rows in the warehouse beyond the last line Spring Batch recorded. On open, this writer deletes this load's
 * rows after that line (all of them on a first run), so a restarted load ends with exactly one copy of each row.
 */
public final class StagingWriter<T> implements ItemStreamWriter<RowOutcome<T>> {
    public static final String LAST_LINE_KEY = "staging.lastLine";

    private final LoadContext load;
    private final StagingTable<T> staging;
    private long lastLine;

    public StagingWriter(LoadContext load, StagingTable<T> staging) {
        this.load = load;
        this.staging = staging;
    }

    /** The last input line whose rows are committed in the warehouse and recorded by Spring Batch (0 on a first run). */
    public static long committedLine(ExecutionContext context) {
        return context.containsKey(LAST_LINE_KEY) ? context.getLong(LAST_LINE_KEY) : 0L;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        lastLine = committedLine(context);
        try (Connection c = load.warehouse().connection()) {
            for (String table : List.of(staging.table(), "meta_quarantine")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE load_id = ? AND line > ?")) {
                    ps.setString(1, load.loadId());
                    ps.setLong(2, lastLine);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new ItemStreamException("Clearing unfinished rows of load " + load.loadId() + " failed", e);
        }
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putLong(LAST_LINE_KEY, lastLine);
    }

    @Override
    public void write(Chunk<? extends RowOutcome<T>> chunk) throws Exception {
        List<RowOutcome.Accepted<T>> accepted = new ArrayList<>(chunk.size());
        List<RowOutcome.Rejected<T>> rejected = new ArrayList<>();
        long maxLine = lastLine;
        for (RowOutcome<T> outcome : chunk) {
            maxLine = Math.max(maxLine, outcome.line());
            if (outcome instanceof RowOutcome.Accepted<T> a) {
                accepted.add(a);
            } else if (outcome instanceof RowOutcome.Rejected<T> r) {
                rejected.add(r);
            }
        }
        try (Connection c = load.warehouse().connection()) {
            c.setAutoCommit(false);
            try {
                if (!accepted.isEmpty()) {
                    if (c.isWrapperFor(DuckDBConnection.class)) {
                        appendInBulk(c.unwrap(DuckDBConnection.class), accepted);
                    } else {
                        insertInBatch(c, accepted);
                    }
                }
                if (!rejected.isEmpty()) {
                    quarantine(c, rejected);
                }
                c.commit();
                lastLine = maxLine;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("Writing rows of " + load.file() + " to " + staging.table() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The bulk path: DuckDB's appender, tens of times faster than row inserts. */
    private void appendInBulk(DuckDBConnection c, List<RowOutcome.Accepted<T>> rows) throws SQLException {
        try (DuckDBAppender appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, staging.table())) {
            for (RowOutcome.Accepted<T> a : rows) {
                appender.beginRow();
                appender.append(load.loadId());
                appender.append(a.line());
                for (Object v : staging.values(a.row())) {
                    append(appender, v);
                }
                appender.endRow();
            }
        }
    }

    private static void append(DuckDBAppender appender, Object v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else if (v instanceof String s) {
            appender.append(s);
        } else if (v instanceof Integer i) {
            appender.append(i.intValue());
        } else if (v instanceof Long l) {
            appender.append(l.longValue());
        } else if (v instanceof Double d) {
            appender.append(d.doubleValue());
        } else if (v instanceof Boolean b) {
            appender.append(b.booleanValue());
        } else {
            throw new SQLException("Unsupported staging value type " + v.getClass().getName());
        }
    }

    /** The row path, for engines without an appender (ClickHouse's driver sends one INSERT per batch). */
    private void insertInBatch(Connection c, List<RowOutcome.Accepted<T>> rows) throws SQLException {
        // A fresh statement per chunk: some drivers re-send earlier batches when a statement is reused.
        try (PreparedStatement ps = c.prepareStatement(insertSql())) {
            List<StagingTable.Column> columns = staging.columns();
            for (RowOutcome.Accepted<T> a : rows) {
                ps.setString(1, load.loadId());
                ps.setLong(2, a.line());
                Object[] values = staging.values(a.row());
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        ps.setNull(3 + i, columns.get(i).type());
                    } else {
                        ps.setObject(3 + i, values[i], columns.get(i).type());
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void quarantine(Connection c, List<RowOutcome.Rejected<T>> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO meta_quarantine (load_id, file, line, field, reason, raw) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (RowOutcome.Rejected<T> r : rows) {
                ps.setString(1, load.loadId());
                ps.setString(2, load.file());
                ps.setLong(3, r.line());
                if (r.field() == null) {
                    ps.setNull(4, Types.VARCHAR);
                } else {
                    ps.setString(4, r.field());
                }
                ps.setString(5, r.reason());
                ps.setString(6, r.raw());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private String insertSql() {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(staging.table()).append(" (load_id, line");
        StringBuilder values = new StringBuilder("?, ?");
        for (StagingTable.Column column : staging.columns()) {
            sql.append(", ").append(column.name());
            values.append(", ?");
        }
        return sql.append(") VALUES (").append(values).append(')').toString();
    }
}
