package ru.orientir.etl.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import ru.orientir.warehouse.TableRows;
import ru.orientir.warehouse.WarehouseException;

/**
 * Writes each chunk's accepted rows to staging and its rejected rows to quarantine, in bulk through
 * {@link ru.orientir.warehouse.Warehouse#insertRows} (on DuckDB in one transaction, a chunk through a temporary CSV file its own reader loads; ClickHouse's client-v2
 * RowBinary inserts, which have no transaction).
 *
 * <p>Restart safety: the warehouse commit and the job repository commit are separate, so a crash between them can
 * leave rows in the warehouse beyond the last line Spring Batch recorded. On open, this writer deletes this load's
 * rows after that line (all of them on a first run), so a restarted load ends with exactly one copy of each row.
 */
public final class StagingWriter<T> implements ItemStreamWriter<RowOutcome<T>> {
    public static final String LAST_LINE_KEY = "staging.lastLine";
    private static final List<String> QUARANTINE_COLUMNS = List.of("load_id", "file", "line", "field", "reason", "raw");

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
            throw new ItemStreamException("Не удалось убрать недописанные строки загрузки " + load.loadId()
                    + " перед продолжением: проверьте, что хранилище доступно, и повторите запуск.", e);
        }
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putLong(LAST_LINE_KEY, lastLine);
    }

    @Override
    public void write(Chunk<? extends RowOutcome<T>> chunk) {
        List<Object[]> accepted = new ArrayList<>(chunk.size());
        List<Object[]> rejected = new ArrayList<>();
        long maxLine = lastLine;
        for (RowOutcome<T> outcome : chunk) {
            maxLine = Math.max(maxLine, outcome.line());
            if (outcome instanceof RowOutcome.Accepted<T> a) {
                Object[] values = staging.values(a.row());
                Object[] row = new Object[values.length + 2];
                row[0] = load.loadId();
                row[1] = a.line();
                System.arraycopy(values, 0, row, 2, values.length);
                accepted.add(row);
            } else if (outcome instanceof RowOutcome.Rejected<T> r) {
                rejected.add(new Object[] {load.loadId(), load.file(), r.line(), r.field(), r.reason(), r.raw()});
            }
        }
        List<String> columns = new ArrayList<>(List.of("load_id", "line"));
        staging.columns().forEach(c -> columns.add(c.name()));
        try {
            // DuckDB: both tables in one transaction. ClickHouse: one insert each, no transaction; a crash between
            // them is undone by open()'s cleanup of the lines after the last recorded one.
            load.warehouse().insertRows(List.of(new TableRows(staging.table(), columns, accepted),
                    new TableRows("meta_quarantine", QUARANTINE_COLUMNS, rejected)));
        } catch (WarehouseException e) {
            throw new WarehouseException("Не удалось записать строки файла " + load.file() + " в " + staging.table()
                    + ".\n" + e.getMessage(), e);
        }
        lastLine = maxLine;
    }
}
