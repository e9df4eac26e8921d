package ru.orientir.jobs.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ru.orientir.etl.ingest.FileKind;
import ru.orientir.etl.ingest.LoadResult;
import ru.orientir.warehouse.WarehouseException;

/**
 * A repeated ingest step (retry, or a resumed run) skips the files its earlier attempt already loaded, since their
 * content is in the warehouse. For the run's account those files count as loaded by this run, with the counts of that
 * load, so a resumed run reports the same rows as one that was never interrupted.
 */
final class RunLoads {
    private RunLoads() {
    }

    static List<LoadResult> withEarlierAttempts(RunContext run, List<LoadResult> loads) {
        Map<String, LoadResult> earlier = loadedEarlierInThisRun(run);
        if (earlier.isEmpty()) {
            return loads;
        }
        List<LoadResult> merged = new ArrayList<>();
        for (LoadResult l : loads) {
            LoadResult before = earlier.get(l.file());
            merged.add(l.status() == LoadResult.Status.SKIPPED && before != null ? before : l);
        }
        return merged;
    }

    private static Map<String, LoadResult> loadedEarlierInThisRun(RunContext run) {
        Map<String, LoadResult> byFile = new HashMap<>();
        String sql = "SELECT file, kind, load_id, rows_read, rows_loaded, rows_quarantined, message FROM meta_load "
                + "WHERE run_id = ? AND status = 'loaded'";
        try (Connection c = run.warehouse().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, run.runId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byFile.put(rs.getString(1), new LoadResult(rs.getString(1), kind(rs.getString(2)), rs.getString(3),
                            LoadResult.Status.LOADED, rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("Reading the run's earlier loads failed: " + e.getMessage(), e);
        }
        return byFile;
    }

    private static FileKind kind(String code) {
        return FileKind.ofCode(code).orElse(null);
    }
}
