package ru.orientir.etl.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * How Spark runs a run's queries, chosen from the size of its snapshot. Spark generates Java source for every
 * operator and expression and compiles it with Janino before the first row; on a small region that compilation is most
 * of each step's time, and Spark's interpreted evaluation of the same plans finishes sooner. On a large region the
 * compiled code's speed per row wins by far. Both give the same rows: they are two implementations of the same plans,
 * and KilledRunResumesIT compares a run of each on one region, mart by mart.
 *
 * <p>Measured on 2 cores (docs/benchmarks.md): a run of 6 schools × 2 years, analytics 48.5 → 38.9 s; the demo's 300
 * schools × 5 years of school-level results, no difference either way (50.3 and 48.7 s). From {@link #DEFAULT_INTERPRETED_BELOW} bytes
 * of snapshot the compiled mode is kept. {@code -Dorientir.analytics.interpreted-below=BYTES} moves the boundary (0:
 * always compiled); {@code -Dspark.sql.codegen.wholeStage} or {@code -Dspark.sql.codegen.factoryMode}, when given,
 * win over both.
 */
public final class ExecutionMode {
    public static final String BOUNDARY_PROPERTY = "orientir.analytics.interpreted-below";
    /**
     * 1 MB. The snapshot of 6 schools × 2 years is 34 KB; the demo's (300 schools × 5 years of school-level results)
     * 0.3 MB; student-level results of a few dozen schools pass a megabyte, where the compiled mode starts to pay.
     */
    public static final long DEFAULT_INTERPRETED_BELOW = 1L << 20;
    private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    private static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";

    private ExecutionMode() {
    }

    /** Sets the session's mode for a run over {@code snapshot}. */
    public static void apply(SparkSession spark, Path snapshot) {
        apply(spark, bytes(snapshot));
    }

    /** Sets the session's mode for a run over the snapshot at {@code snapshot} (a location, {@link Storage}). */
    public static void apply(SparkSession spark, String snapshot) {
        apply(spark, new Storage(spark.sparkContext().hadoopConfiguration()).bytes(snapshot));
    }

    private static void apply(SparkSession spark, long snapshotBytes) {
        boolean interpreted = snapshotBytes < boundary();
        RuntimeConfig conf = spark.conf();
        if (System.getProperty(WHOLE_STAGE) == null) {
            conf.set(WHOLE_STAGE, !interpreted);
        }
        if (System.getProperty(FACTORY_MODE) == null) {
            conf.set(FACTORY_MODE, interpreted ? "NO_CODEGEN" : "FALLBACK");
        }
    }

    static long boundary() {
        String configured = System.getProperty(BOUNDARY_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return DEFAULT_INTERPRETED_BELOW;
        }
        try {
            return Long.parseLong(configured.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Свойство -D" + BOUNDARY_PROPERTY + " должно быть числом байт (например, "
                    + DEFAULT_INTERPRETED_BELOW + "), а не «" + configured + "»: исправьте ORIENTIR_JAVA_OPTS.", e);
        }
    }

    /** The bytes of every file under the snapshot folder. */
    static long bytes(Path snapshot) {
        try (Stream<Path> files = Files.walk(snapshot)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return Long.MAX_VALUE; // unreadable here: keep Spark's default, the compiled mode
        }
    }
}
