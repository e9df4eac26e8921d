package ru.orientir.warehouse;

import java.nio.file.Path;
import java.util.List;

/**
 * The staging snapshot the analytics read: one Parquet file per source, each written by the warehouse's own writer
 * from {@code sql/snapshot/<source>.sql}. A new source is one name here and one SQL file.
 */
public final class Snapshot {
    public static final List<String> SOURCES = List.of("schools", "official_list", "exam_results", "exam_aggregates",
            "school_context", "staffing", "risk_survey", "objectivity_flags");

    private Snapshot() {
    }

    public static Path file(Path dir, String source) {
        return dir.resolve(source + ".parquet");
    }

    public static void write(Warehouse warehouse, Path dir) {
        for (String source : SOURCES) {
            warehouse.exportParquet(SqlResource.load("sql/snapshot/" + source + ".sql"), file(dir, source));
        }
    }
}
