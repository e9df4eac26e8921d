package ru.orientir.warehouse;

import java.nio.file.Path;
import java.util.List;

/**
 * The staging snapshot the analytics read: one Parquet file per source, each written by the warehouse's own writer
 * from {@code sql/snapshot/<source>.sql}. A new source is one name here and one SQL file.
 *
 * <p>{@link #SUPPLEMENTS} are written beside the sources, but the analytics do without them when a snapshot lacks one
 * (a snapshot written before they existed, a resumed run's, or a synthetic country's): each stands for a refinement,
 * not for an input every rule needs.
 */
public final class Snapshot {
    public static final List<String> SOURCES = List.of("schools", "official_list", "exam_results", "exam_aggregates",
            "school_context", "staffing", "risk_survey", "objectivity_flags");
    /**
     * school_years: the schools' names and municipalities by reference year (docs/methodology.md §3.5);
     * municipal_plan: the returned plans' measures (§13.5).
     */
    public static final List<String> SUPPLEMENTS = List.of("school_years", "municipal_plan");

    private Snapshot() {
    }

    public static Path file(Path dir, String source) {
        return dir.resolve(fileName(source));
    }

    /** The source's file name inside a snapshot folder, wherever the folder is (a local disk, s3a://, hdfs://). */
    public static String fileName(String source) {
        return source + ".parquet";
    }

    public static void write(Warehouse warehouse, Path dir) {
        for (String source : java.util.stream.Stream.concat(SOURCES.stream(), SUPPLEMENTS.stream()).toList()) {
            warehouse.exportParquet(SqlResource.load("sql/snapshot/" + source + ".sql"), file(dir, source));
        }
    }
}
