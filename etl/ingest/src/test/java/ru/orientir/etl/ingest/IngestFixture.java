package ru.orientir.etl.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import ru.orientir.etl.ingest.batch.BatchInfrastructure;
import ru.orientir.etl.ingest.batch.ChunkObserver;
import ru.orientir.etl.ingest.batch.IngestJobConfiguration;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

/** A real DuckDB warehouse file and a real H2 job repository in a temporary folder. */
final class IngestFixture implements AutoCloseable {
    final Path dir;
    final Path inbox;
    final Warehouse warehouse;
    final BatchInfrastructure batch;
    private int runs;

    IngestFixture(Path dir) throws IOException {
        this.dir = dir;
        this.inbox = Files.createDirectories(dir.resolve("inbox"));
        this.warehouse = Warehouse.open(WarehouseSettings.embedded(dir));
        warehouse.migrate();
        this.batch = BatchInfrastructure.open("jdbc:h2:file:" + dir.resolve("jobrepo/batch"), "sa", "");
    }

    List<LoadResult> ingest() {
        return ingest(ChunkObserver.NONE);
    }

    List<LoadResult> ingest(ChunkObserver observer) {
        return new FileIngestor(warehouse, batch, new IngestJobConfiguration(batch, observer), "test-run-" + (++runs))
                .ingest(inbox);
    }

    void write(String name, String content) throws IOException {
        Files.writeString(inbox.resolve(name), content, StandardCharsets.UTF_8);
    }

    static LoadResult result(List<LoadResult> results, String file) {
        return results.stream().filter(r -> r.file().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + file + " in " + results));
    }

    List<List<String>> rows(String sql, Object... params) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = warehouse.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.add(v == null ? null : v.toString());
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    long count(String sql, Object... params) throws SQLException {
        return Long.parseLong(rows(sql, params).get(0).get(0));
    }

    @Override
    public void close() {
        batch.close();
        warehouse.close();
    }
}
