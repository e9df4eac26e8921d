package ru.orientir.etl.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

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
        // A fresh statement per chunk: some drivers re-send earlier batches when a statement is reused.
        try (Connection c = load.warehouse().connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement rows = c.prepareStatement(insertSql());
                 PreparedStatement rejects = c.prepareStatement(
                         "INSERT INTO meta_quarantine (load_id, file, line, field, reason, raw) VALUES (?, ?, ?, ?, ?, ?)")) {
                int accepted = 0;
                int rejected = 0;
                long maxLine = lastLine;
                for (RowOutcome<T> outcome : chunk) {
                    maxLine = Math.max(maxLine, outcome.line());
                    if (outcome instanceof RowOutcome.Accepted<T> a) {
                        rows.setString(1, load.loadId());
                        rows.setLong(2, a.line());
                        staging.bind(rows, 3, a.row());
                        rows.addBatch();
                        accepted++;
                    } else if (outcome instanceof RowOutcome.Rejected<T> r) {
                        rejects.setString(1, load.loadId());
                        rejects.setString(2, load.file());
                        rejects.setLong(3, r.line());
                        if (r.field() == null) {
                            rejects.setNull(4, Types.VARCHAR);
                        } else {
                            rejects.setString(4, r.field());
                        }
                        rejects.setString(5, r.reason());
                        rejects.setString(6, r.raw());
                        rejects.addBatch();
                        rejected++;
                    }
                }
                if (accepted > 0) {
                    rows.executeBatch();
                }
                if (rejected > 0) {
                    rejects.executeBatch();
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

    private String insertSql() {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(staging.table()).append(" (load_id, line");
        StringBuilder values = new StringBuilder("?, ?");
        for (String column : staging.columns()) {
            sql.append(", ").append(column);
            values.append(", ?");
        }
        return sql.append(") VALUES (").append(values).append(')').toString();
    }
}
