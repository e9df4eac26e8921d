package ru.orientir.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders: the newest keep-runs stay, and a resumable run's folder stays whatever its age. */
class RunFoldersTest {
    @TempDir
    Path runs;

    @Test
    void keepsTheNewestAndTheResumableRun() throws Exception {
        for (int i = 1; i <= 6; i++) {
            Path folder = Files.createDirectories(runs.resolve("run-" + i).resolve("marts"));
            Files.writeString(folder.resolve("part.parquet"), "x");
            Files.setLastModifiedTime(runs.resolve("run-" + i), FileTime.fromMillis(1_000_000L * i));
        }
        List<Path> deleted = RunFolders.prune(runs, 2, "run-1");
        assertEquals(List.of(runs.resolve("run-4"), runs.resolve("run-3"), runs.resolve("run-2")), deleted);
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(List.of("run-1", "run-5", "run-6"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // Exactly keep-runs folders and nothing protected: the boundary, nothing more goes.
        assertEquals(List.of(runs.resolve("run-1")), RunFolders.prune(runs, 2, null));
        assertEquals(List.of(), RunFolders.prune(runs, 2, null));
        assertEquals(List.of(), RunFolders.prune(runs.resolve("missing"), 2, null));
    }
}
